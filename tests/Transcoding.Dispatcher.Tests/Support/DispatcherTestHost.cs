using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Transcoding.ServiceDefaults;

namespace Transcoding.Dispatcher.Tests.Support;

/// <summary>The dispatcher's services (and, on request, its consumers on MassTransit's test harness) against a scripted RunPod.</summary>
public sealed class DispatcherTestHost : IAsyncDisposable
{
    public const string EndpointId = "endpoint-under-test";
    public const string CallbackBaseUrl = "https://gateway.example.test";

    private DispatcherTestHost(ServiceProvider services, CapturingLoggerProvider logs, string storageRoot, string apiKey, string tokenSecret)
    {
        Services = services;
        Logs = logs;
        StorageRoot = storageRoot;
        ApiKey = apiKey;
        TokenSecret = tokenSecret;
    }

    public ServiceProvider Services { get; }

    public string StorageRoot { get; }

    /// <summary>Unique per host, so a test can search the logs for it.</summary>
    public string ApiKey { get; }

    public string TokenSecret { get; }

    public CapturingLoggerProvider Logs { get; }

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    /// <param name="services">Registrations that replace the dispatcher's own (a clock, a ledger), applied last.</param>
    public static async Task<DispatcherTestHost> StartAsync(
        string runPodBaseUrl, bool withBus = true, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        var storageRoot = Directory.CreateTempSubdirectory("dispatcher-tests-").FullName;
        var apiKey = $"rpa_TESTKEY_{Guid.NewGuid():N}";
        var tokenSecret = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var settings = new Dictionary<string, string?>
        {
            ["RunPod:BaseUrl"] = runPodBaseUrl,
            ["RunPod:EndpointId"] = EndpointId,
            ["RunPod:ApiKey"] = apiKey,
            ["RunPod:CallbackBaseUrl"] = CallbackBaseUrl,
            ["RunPod:WebhookTokenSecret"] = tokenSecret,
            ["RunPod:MaxRetryAttempts"] = "3",
            ["RunPod:RetryBaseDelay"] = "00:00:00.010",
            ["RunPod:RetryMaxDelay"] = "00:00:00.050",
            // Generous: on a loaded machine a slow local answer must not turn into an extra, miscounted call.
            ["RunPod:AttemptTimeout"] = "00:00:05",
            ["RunPod:TotalTimeout"] = "00:00:10",
            ["RunPod:MessageRetryLimit"] = "1",
            ["RunPod:MessageRetryMinInterval"] = "00:00:00.010",
            ["RunPod:MessageRetryMaxInterval"] = "00:00:00.050",
            ["RunPod:ConfigurationFaultRedeliveryInterval"] = "00:00:00.100",
            ["RunPod:ConfigurationFaultRedeliveryLimit"] = "2",
            ["RunPod:UsagePollInterval"] = "00:00:00.020",
            ["Storage:Provider"] = "Local",
            ["Storage:LocalRoot"] = storageRoot,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        // As AddDispatcher wires it, less the RabbitMQ bus: the service defaults decide what HTTP calls log.
        builder.AddServiceDefaults();
        builder.AddDispatcherServices();
        if (withBus)
        {
            builder.Services.AddMassTransitTestHarness(bus =>
            {
                bus.AddDispatcherConsumers();
                bus.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(30), testInactivityTimeout: TimeSpan.FromSeconds(2));
            });
        }

        services?.Invoke(builder.Services);
        var started = new DispatcherTestHost(builder.Services.BuildServiceProvider(validateScopes: true), logs, storageRoot, apiKey, tokenSecret);
        if (withBus)
        {
            // The harness starts hosted services but not their lifecycle's first step, where migrations run.
            await started.RunStartingAsync();
            await started.Harness.Start();
        }

        return started;
    }

    /// <summary>What the generic host does on start: validate options, then start the hosted services (lifecycle first steps, such as migrations, before).</summary>
    public async Task StartHostedServicesAsync()
    {
        Services.GetService<IStartupValidator>()?.Validate();
        await RunStartingAsync();
        foreach (var service in Services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    private async Task RunStartingAsync()
    {
        foreach (var service in Services.GetServices<IHostedService>().OfType<IHostedLifecycleService>())
        {
            await service.StartingAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Directory.Delete(StorageRoot, recursive: true);
    }
}
