using Microsoft.AspNetCore.Builder;

namespace Transcoding.ServiceDefaults;

/// <summary>How every service process starts its web host.</summary>
public static class ServiceHost
{
    /// <summary>
    /// <see cref="WebApplication.CreateBuilder(WebApplicationOptions)"/> with the content root in the application's own
    /// folder (where <c>appsettings.json</c> is published) rather than the working directory: configuration reload
    /// watches its content root with subdirectories, and on Linux that is one inotify watch per folder, so a service
    /// started from a repository or a home directory walked the whole tree at start-up and could exhaust
    /// <c>fs.inotify.max_user_watches</c>. In an image <c>WORKDIR /app</c> is that folder anyway. A setting refused
    /// from here on ends the process with one line (<see cref="ConfigurationRefusal"/>).
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        ConfigurationRefusal.RefuseWhenUnhandled(builder.Environment.ApplicationName);
        return builder;
    }
}
