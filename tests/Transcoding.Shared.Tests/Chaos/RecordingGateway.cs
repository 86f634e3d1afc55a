using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Transcoding.Shared.Tests.Chaos;

/// <summary>
/// A stand-in gateway on 127.0.0.1 (real Kestrel): records every request as it arrived and answers
/// <c>202</c> with an <c>x-echo-id</c> header (the request's <c>webhook-id</c>) and the body's length as text.
/// </summary>
public sealed class RecordingGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingGateway(WebApplication app) => _app = app;

    public Uri Url => new(_app.Urls.Single());

    /// <summary>In arrival order.</summary>
    public ConcurrentQueue<Arrival> Arrivals { get; } = new();

    public static async Task<RecordingGateway> StartAsync()
    {
        var builder = LoopbackApp.CreateBuilder();
        var app = builder.Build();
        var gateway = new RecordingGateway(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers.ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.ToString());
            var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
            gateway.Arrivals.Enqueue(new Arrival(context.Request.Method, target, headers, body.ToArray()));
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            context.Response.Headers["x-echo-id"] = context.Request.Headers["webhook-id"];
            await context.Response.WriteAsync($"{body.Length}");
        });
        await app.StartAsync();
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <param name="Headers">By lower-case name, values joined by commas.</param>
    public sealed record Arrival(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string? WebhookId => Headers.GetValueOrDefault("webhook-id");
    }
}
