using Transcoding.Dispatcher;
using Transcoding.ServiceDefaults;

var builder = ServiceHost.CreateBuilder(args);
builder.AddDispatcher();

var app = builder.BuildService();
app.MapDefaultEndpoints();
return await app.RunServiceAsync();
