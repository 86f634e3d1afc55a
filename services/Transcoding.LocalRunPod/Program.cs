using Transcoding.LocalRunPod;
using Transcoding.ServiceDefaults;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLocalRunPod();

var app = builder.BuildService();
app.MapDefaultEndpoints();
app.MapRunPodApi();
return await app.RunServiceAsync();
