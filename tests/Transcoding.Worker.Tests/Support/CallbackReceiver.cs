using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Transcoding.Shared;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Worker.Tests.Support;

/// <summary>The gateway's <c>POST /webhooks/transcode</c> on 127.0.0.1, verifying every delivery with <see cref="WebhookVerifier"/>.</summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WebhookVerifier _verifier;

    private CallbackReceiver(WebApplication app, WebhookVerifier verifier)
    {
        _app = app;
        _verifier = verifier;
    }

    public ConcurrentQueue<(TranscodeCallback Callback, WebhookVerificationResult Verification)> Received { get; } = new();

    public ConcurrentQueue<string?> TraceParents { get; } = new();

    /// <summary>Runs after a delivery is recorded and before it is answered: the worker is still waiting on it.</summary>
    public Func<TranscodeCallback, Task>? BeforeAnswer { get; set; }

    public string Url => _app.Urls.First() + "/webhooks/transcode";

    public static async Task<CallbackReceiver> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new CallbackReceiver(app, new WebhookVerifier([WebhookSecret.Parse(secret)], TimeProvider.System, WebhookVerifier.DefaultTolerance));
        app.MapPost("/webhooks/transcode", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var verification = receiver._verifier.Verify(
                request.Headers[WebhookHeaders.Id], request.Headers[WebhookHeaders.Timestamp], request.Headers[WebhookHeaders.Signature], body.ToArray());
            receiver.TraceParents.Enqueue(request.Headers["traceparent"]);
            var callback = JsonSerializer.Deserialize<TranscodeCallback>(body.ToArray(), JsonDefaults.Web)!;
            receiver.Received.Enqueue((callback, verification));
            if (receiver.BeforeAnswer is { } beforeAnswer)
            {
                await beforeAnswer(callback);
            }

            return Results.NoContent();
        });
        await app.StartAsync();
        return receiver;
    }

    public IReadOnlyList<TranscodeCallback> Final => [.. Received.Select(r => r.Callback).Where(c => c.Status != CallbackStatus.Progress)];

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
