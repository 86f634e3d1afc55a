using Transcoding.Gateway;
using Transcoding.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddGateway();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapWebhookEndpoints();
app.Run();
