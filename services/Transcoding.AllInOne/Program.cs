using Transcoding.AllInOne;
using Transcoding.Gateway;
using Transcoding.LocalRunPod;
using Transcoding.Orchestrator.StatusApi;
using Transcoding.ServiceDefaults;

var options = RunOptions.Parse(args);
var builder = WebApplication.CreateBuilder();
builder.AddAllInOne(options);

await using var app = builder.Build();
app.MapDefaultEndpoints();
app.MapStatusApi();
app.MapWebhookEndpoints();
app.MapRunPodApi();
return await app.RunPipelineAsync();
