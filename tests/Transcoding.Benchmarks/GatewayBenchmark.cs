using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Transcoding.Gateway;
using Transcoding.Gateway.Tests.Infrastructure;
using Transcoding.Shared.Webhooks;
using Transcoding.Testing;

namespace Transcoding.Benchmarks;

/// <summary>
/// Signed worker callbacks through the gateway as deployed (signature check on the raw body, validation, dedup claim in
/// PostgreSQL, publish to RabbitMQ with confirms) against a bare minimal-API endpoint that reads the same body and
/// answers 204, at the same closed-loop load from this process.
/// </summary>
public static class GatewayBenchmark
{
    private const int Connections = 16;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(Rows rows)
    {
        await using var vhost = await RabbitMqVirtualHost.CreateAsync();
        await using var database = await PostgresDatabase.CreateAsync();
        var secret = WebhookSecret.Generate();
        Func<HttpRequestMessage> delivery = () => SignedDelivery.Of(Reports.Completed(Guid.NewGuid()), secret).ToRequest();

        var bare = await MeasureAsync(new Dictionary<string, string?>(), _ => { }, app => app.MapPost("/webhooks/transcode", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            return Results.NoContent();
        }), delivery);
        var gateway = await MeasureAsync(
            new Dictionary<string, string?>(BenchHost.Bus(vhost.AmqpUri).Concat(GatewayHost.Settings(secret, GatewayHost.NewTokenKey())))
            {
                ["ConnectionStrings:Postgres"] = database.ConnectionString,
            },
            b => b.AddGateway(),
            app => app.MapWebhookEndpoints(),
            delivery);

        var load = $"{Connections} connections, {Duration.TotalSeconds:0} s after {WarmUp.TotalSeconds:0} s warm-up, load generator in the same process";
        rows.Add("gateway-throughput-ratio", gateway.RequestsPerSecond / bare.RequestsPerSecond,
            $"{gateway.RequestsPerSecond:0} verified callbacks/s vs {bare.RequestsPerSecond:0} req/s bare; {load}; {gateway.Failures + bare.Failures} non-2xx");
        rows.Add("gateway-p99-ms", gateway.P99Ms,
            $"p50 {gateway.P50Ms:0.0} ms; bare endpoint p99 {bare.P99Ms:0.0} ms, p50 {bare.P50Ms:0.0} ms; {load}");
    }

    private static async Task<LoadGenerator.Result> MeasureAsync(
        Dictionary<string, string?> settings, Action<WebApplicationBuilder> add, Action<WebApplication> map, Func<HttpRequestMessage> delivery)
    {
        var app = await BenchHost.StartAsync(settings, add, map);
        try
        {
            return await LoadGenerator.RunAsync(app.Urls.Single(), delivery, Connections, WarmUp, Duration);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
