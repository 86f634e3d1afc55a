using System.Security.Cryptography;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Transcoding.Contracts;
using Transcoding.ServiceDefaults;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway as its Program.cs wires it (<c>AddGateway</c>), on Kestrel at 127.0.0.1 with a random port, every log
/// line captured at Trace level. With <see cref="Bus.Harness"/> the MassTransit test harness replaces the transport.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ReloadableConfiguration _configuration;

    private GatewayHost(WebApplication app, ReloadableConfiguration configuration, Uri address)
    {
        _app = app;
        _configuration = configuration;
        // As RunPod and the worker call it: from another process, so no trace context of this one's (unsampled) client spans.
        Client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = address };
    }

    public enum Bus
    {
        Harness,
        Configured,
    }

    public HttpClient Client { get; }

    public ITestHarness Harness => _app.Services.GetRequiredService<ITestHarness>();

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public IServiceProvider Services => _app.Services;

    public static string NewTokenKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Settings with one fresh secret and RunPod token key, in-memory bus; tests add or override entries.</summary>
    public static Dictionary<string, string?> Settings(string secret, string tokenKey) => new()
    {
        ["Webhooks:Secrets:0"] = secret,
        ["Webhooks:RunPodTokenSecret"] = tokenKey,
    };

    /// <param name="telemetry">Captures what the gateway's tracer and meter providers export.</param>
    public static async Task<GatewayHost> StartAsync(IDictionary<string, string?> settings, Bus bus = Bus.Harness, TelemetryCapture? telemetry = null)
    {
        var app = Build(settings, bus, out var configuration, telemetry);
        await app.StartAsync();
        var address = app.Urls.Single();
        return new GatewayHost(app, configuration, new Uri(address));
    }

    /// <summary>The application, built but not started, for start-up failure tests.</summary>
    public static WebApplication Build(IDictionary<string, string?> settings, Bus bus, out ReloadableConfiguration configuration, TelemetryCapture? telemetry = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        configuration = new ReloadableConfiguration(settings);
        builder.Configuration.Sources.Add(configuration);
        builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Trace);

        builder.AddGateway();
        telemetry?.Attach(builder.Services);
        if (bus == Bus.Harness)
        {
            builder.Services.AddMassTransitTestHarness(harness => harness.SetTestTimeouts(testTimeout: TimeSpan.FromMinutes(5), testInactivityTimeout: TimeSpan.FromSeconds(5)));
        }

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapWebhookEndpoints();
        return app;
    }

    public void ReplaceConfiguration(IDictionary<string, string?> settings) => _configuration.Replace(settings);

    /// <summary>What the harness saw published for one media item, right now (no waiting: publishes finish before the answer).</summary>
    public IReadOnlyList<object> PublishedFor(Guid mediaId) =>
        Harness.Published.Select(message => MediaIdOf(message.MessageObject) == mediaId, new CancellationToken(canceled: true))
            .Select(message => message.MessageObject)
            .ToList();

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => await Client.SendAsync(request);

    public async Task<HttpResponseMessage> DeliverAsync(TranscodeCallback report, string secret) => await SendAsync(SignedDelivery.Of(report, secret).ToRequest());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Guid? MediaIdOf(object message) => message switch
    {
        TranscodeCompleted completed => completed.MediaId,
        TranscodeFailed failed => failed.MediaId,
        TranscodeProgressed progressed => progressed.MediaId,
        _ => null,
    };
}
