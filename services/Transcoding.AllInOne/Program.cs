using Transcoding.AllInOne;
using Transcoding.Gateway;
using Transcoding.LocalRunPod;
using Transcoding.Orchestrator.Dashboard;
using Transcoding.Orchestrator.FaultsApi;
using Transcoding.Orchestrator.StatusApi;
using Transcoding.ServiceDefaults;

if (RunOptions.TryParse(args, Console.Error) is not { } options)
{
    return 2;
}

// A development tool: Auth:OpenOnLoopback (EmbeddedDefaults) is refused in any other environment.
var builder = ServiceHost.CreateBuilder(["--environment=Development"]);
builder.AddAllInOne(options);

await using var app = builder.BuildService();
app.UseSecurityHeaders();
// The dashboard's files before authorization, whose fallback policy would ask a reader for them: they hold no data.
app.UseDashboard();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapStatusApi();
// On the in-memory bus: 503 with the reason, so the dashboard's Faults page says why it is empty.
app.MapFaultsApi();
app.MapWebhookEndpoints();
app.MapRunPodApi();
app.MapUploads();
return await app.RunRefusingBadSettingsAsync(app.RunPipelineAsync);
