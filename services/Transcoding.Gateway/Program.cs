using Transcoding.Gateway;
using Transcoding.ServiceDefaults;

var builder = ServiceHost.CreateBuilder(args);
builder.AddGateway();

var app = builder.BuildService();
app.MapDefaultEndpoints();
app.MapWebhookEndpoints();
return await app.RunServiceAsync();
