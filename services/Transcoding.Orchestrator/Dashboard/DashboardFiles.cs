using Microsoft.Extensions.FileProviders;

namespace Transcoding.Orchestrator.Dashboard;

/// <summary>
/// The operators' dashboard: the static files of <c>wwwroot</c> (copied next to the assembly), <c>index.html</c> at
/// <c>/</c> and its modules, styles and vendored players under <c>/dashboard/</c>. They hold no data: every figure comes
/// from the API with the caller's credentials, so they are served to anyone.
/// </summary>
public static class DashboardFiles
{
    public static IApplicationBuilder UseDashboard(this IApplicationBuilder app)
    {
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        // Modules (.js, the vendored .mjs) come as text/javascript, without which browsers refuse to run them.
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }
}
