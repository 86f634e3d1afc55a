using Transcoding.Dispatcher;
using Transcoding.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddDispatcher();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
