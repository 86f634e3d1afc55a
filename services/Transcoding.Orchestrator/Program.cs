using Transcoding.Orchestrator;
using Transcoding.Orchestrator.Dashboard;
using Transcoding.Orchestrator.FaultsApi;
using Transcoding.Orchestrator.StatusApi;
using Transcoding.ServiceDefaults;

var builder = ServiceHost.CreateBuilder(args);
builder.AddOrchestrator();

var app = builder.BuildService();
app.UseSecurityHeaders();
// The dashboard's files before authorization, whose fallback policy would ask a reader for them: they hold no data.
app.UseDashboard();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapStatusApi();
app.MapFaultsApi();
return await app.RunServiceAsync();
public partial class Program;
