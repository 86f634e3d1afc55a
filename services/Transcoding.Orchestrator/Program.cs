using Transcoding.Orchestrator;
using Transcoding.Orchestrator.StatusApi;
using Transcoding.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddOrchestrator();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapStatusApi();
app.Run();
public partial class Program;
