using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Transcoding.Dispatcher.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 answering <c>/v2/{endpointId}/{operation}[/{jobId}]</c> from per-operation scripts,
/// recording every request. An operation with no script left answers 599 so a test notices an unexpected call.
/// </summary>
public sealed class ScriptedRunPodServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedResponse>> _scripts = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private ScriptedRunPodServer(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> Calls(string operation) => [.. _requests.Where(request => request.Operation == operation)];

    public static async Task<ScriptedRunPodServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedRunPodServer(app);
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        return server;
    }

    public void Script(string operation, params ScriptedResponse[] responses)
    {
        var queue = _scripts.GetOrAdd(operation, _ => new ConcurrentQueue<ScriptedResponse>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        // /v2/{endpointId}/{operation}[/{jobId}]
        var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var operation = segments.Length > 2 ? segments[2] : "";
        var jobId = segments.Length > 3 ? segments[3] : null;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        _requests.Enqueue(new RecordedRequest(context.Request.Method, operation, jobId, context.Request.Headers.Authorization, body));

        if (!_scripts.TryGetValue(operation, out var script) || !script.TryDequeue(out var response))
        {
            context.Response.StatusCode = 599;
            return;
        }

        if (response.Delay > TimeSpan.Zero || response.Release is not null)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
                await (response.Release ?? Task.CompletedTask).WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = response.StatusCode;
        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
    }
}
