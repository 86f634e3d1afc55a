using Transcoding.LocalRunPod;
using Transcoding.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLocalRunPod();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapRunPodApi();
app.Run();
