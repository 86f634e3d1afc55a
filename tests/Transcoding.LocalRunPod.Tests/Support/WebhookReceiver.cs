using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Transcoding.Testing;

namespace Transcoding.LocalRunPod.Tests.Support;

/// <summary>A job webhook target on 127.0.0.1 that records every delivery and can refuse the first ones.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonElement> _received = new();
    private readonly ConcurrentQueue<(IReadOnlyDictionary<string, string> Headers, byte[] Body)> _raw = new();
    private int _refusalsLeft;
    private int _attempts;

    private readonly string _path;

    private WebhookReceiver(WebApplication app, int refusals, string path)
    {
        _app = app;
        _refusalsLeft = refusals;
        _path = path;
    }

    public string Url => _app.Urls.First() + _path;

    /// <summary>Every POST, refused or not.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The bodies of the accepted deliveries.</summary>
    public IReadOnlyList<JsonElement> Received => [.. _received];

    /// <summary>The accepted deliveries as sent: headers and the exact body bytes (what a signature covers).</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, string> Headers, byte[] Body)> ReceivedRaw => [.. _raw];

    /// <param name="path">The path of the webhook URL handed out; deliveries are taken on any path.</param>
    public static async Task<WebhookReceiver> StartAsync(int refusals = 0, string path = "/hook/job")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, refusals, path);
        // A catch-all route: a path with a token in it must not become a route template (http.route tags carry those).
        app.MapPost("/{**path}", receiver.ReceiveAsync);
        await app.StartAsync();
        return receiver;
    }

    public async Task<JsonElement> WaitForDeliveryAsync(int count = 1, TimeSpan? timeout = null)
    {
        await Eventually.Until(() => _received.Count, received => received >= count, $"{count} webhook deliveries", timeout,
            received => $"{received} deliveries after {Attempts} attempts");
        return Received[count - 1];
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _attempts);
        using var bytes = new MemoryStream();
        await request.Body.CopyToAsync(bytes);
        var body = JsonSerializer.Deserialize<JsonElement>(bytes.ToArray());
        if (Interlocked.Decrement(ref _refusalsLeft) >= 0)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        _raw.Enqueue((request.Headers.ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.ToString()), bytes.ToArray()));
        _received.Enqueue(body);
        return Results.Ok();
    }
}
