using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Transcoding.Dispatcher.Tests.Support;

/// <summary>Answers 200 to every request on 127.0.0.1 and records its path and body: a stand-in gateway.</summary>
public sealed class HttpRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, string Body)> _requests = new();

    private HttpRecorder(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public IReadOnlyList<(string Path, string Body)> Requests => [.. _requests];

    public static async Task<HttpRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var recorder = new HttpRecorder(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            recorder._requests.Enqueue((context.Request.Path.Value!, await reader.ReadToEndAsync()));
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await app.StartAsync();
        return recorder;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
