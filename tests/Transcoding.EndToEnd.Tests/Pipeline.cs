using System.Security.Cryptography;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Transcoding.Contracts;
using Transcoding.Dispatcher;
using Transcoding.Gateway;
using Transcoding.LocalRunPod;
using Transcoding.Orchestrator;
using Transcoding.Orchestrator.StatusApi;
using Transcoding.ServiceDefaults;
using Transcoding.ServiceDefaults.Messaging;
using Transcoding.Shared;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;

namespace Transcoding.EndToEnd.Tests;

/// <summary>
/// The deployed system on one machine: orchestrator, dispatcher, gateway and the local RunPod endpoint each as its own
/// host with its own bus on a real RabbitMQ broker; the endpoint runs the real worker as a child process; a folder is
/// the bucket; an upstream/downstream host publishes uploads and records what downstream services would receive.
/// </summary>
public class Pipeline : IAsyncLifetime
{
    private readonly List<WebApplication> _hosts = [];
    private readonly PipelineSettings _settings;

    public Pipeline()
        : this(new PipelineSettings())
    {
    }

    protected Pipeline(PipelineSettings settings) => _settings = settings;

    /// <summary>A pipeline outside xunit (benchmarks); a fixture type may have only one public constructor.</summary>
    public static Pipeline Create(PipelineSettings settings) => new(settings);
    private RabbitMqVirtualHost? _vhost;
    private PostgresDatabase? _database;

    public string Bucket { get; } = Path.Combine(Path.GetTempPath(), "e2e-bucket-" + Guid.NewGuid().ToString("N"));

    public IObjectStorage Storage => new LocalFolderStorage(Bucket);

    public HttpClient Orchestrator { get; private set; } = null!;

    public HttpClient RunPod { get; private set; } = null!;

    public IBus Upstream { get; private set; } = null!;

    /// <summary>Every host's log lines (the worker's output included, through the local endpoint), at debug level.</summary>
    public FakeLogCollector Logs { get; } = new();

    /// <summary>What the orchestrator's consumers (the saga) finished consuming.</summary>
    public BusTraffic Orchestrated { get; } = new();

    /// <summary>What the gateway published.</summary>
    public BusTraffic GatewayPublished { get; } = new();

    /// <summary>Every secret the hosts were given: none may appear in <see cref="Logs"/>.</summary>
    public IReadOnlyList<string> Secrets { get; private set; } = [];

    private RunPodWebhookToken _tokens = null!;

    /// <summary><see cref="Secrets"/> and the RunPod webhook tokens of the item's attempts (in the URLs RunPod calls).</summary>
    public IEnumerable<string> SecretsOf(Guid mediaId) =>
        [.. Secrets, .. Enumerable.Range(1, 2).Select(attempt => _tokens.Create(mediaId, attempt))];

    public virtual async Task InitializeAsync()
    {
        _vhost = await RabbitMqVirtualHost.CreateAsync();
        _database = await PostgresDatabase.CreateAsync();
        var callbackSecret = WebhookSecret.Generate();
        var tokenSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        // Losing callbacks: the gateway holds other secrets than the worker and the dispatcher, so it refuses both the
        // worker's signed callback and RunPod's webhook, as if neither ever arrived.
        var gatewaySecret = _settings.LoseCallbacks ? WebhookSecret.Generate() : callbackSecret;
        var gatewayTokenSecret = _settings.LoseCallbacks ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) : tokenSecret;
        var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        Dictionary<string, string?> common = new()
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMqUri"] = _vhost.AmqpUri,
            ["Storage:Provider"] = "Local",
            ["Storage:LocalRoot"] = Bucket,
            ["Logging:LogLevel:Default"] = _settings.LogLevel,
        };

        // Every host binds port 0 and is asked afterwards which port it got: a port picked free beforehand can be taken
        // by a parallel test before the host binds it. So hosts start in the order their addresses are needed.
        var orchestrator = await Start(common, b => b.AddOrchestrator(), a => a.MapStatusApi(), new(LoopbackOrchestrator.Settings)
        {
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
            ["Orchestrator:AttemptTimeout"] = _settings.AttemptTimeout.ToString(),
            ["Orchestrator:PollInterval"] = "00:00:03",
        });
        _hosts[^1].Services.GetRequiredService<IBus>().ConnectConsumeObserver(Orchestrated);
        var gateway = await Start(common, b => b.AddGateway(), a => a.MapWebhookEndpoints(), new()
        {
            ["Webhooks:Secrets:0"] = gatewaySecret,
            ["Webhooks:RunPodTokenSecret"] = gatewayTokenSecret,
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
        });
        _hosts[^1].Services.GetRequiredService<IBus>().ConnectPublishObserver(GatewayPublished);
        var runPod = await Start(common, b => b.AddServiceDefaults().AddLocalRunPod(), a => a.MapRunPodApi(), new(WorkerSettings())
        {
            ["LocalRunPod:ApiKey"] = apiKey,
            ["LocalRunPod:EndpointId"] = "e2e",
            ["LocalRunPod:Workers"] = "1",
            ["LocalRunPod:WebhookRetryDelay"] = "00:00:01",
            ["LocalRunPod:WorkerCommand"] = "dotnet",
            ["LocalRunPod:WorkerArguments"] = $"\"{Repository.Dll("gpu-image/Transcoding.Worker")}\"",
            ["LocalRunPod:WorkerEnvironment:Storage__Provider"] = "Local",
            ["LocalRunPod:WorkerEnvironment:Storage__LocalRoot"] = Bucket,
            ["LocalRunPod:WorkerEnvironment:Worker__CallbackSecret"] = callbackSecret,
            ["LocalRunPod:WorkerEnvironment:Worker__WorkDir"] = Bucket + "-work",
            ["LocalRunPod:WorkerEnvironment:Worker__Preset"] = "veryfast",
            ["LocalRunPod:WorkerEnvironment:Logging__LogLevel__Default"] = _settings.LogLevel,
        });
        _dispatcherSettings = new(common)
        {
            ["RunPod:BaseUrl"] = runPod,
            ["RunPod:EndpointId"] = "e2e",
            ["RunPod:ApiKey"] = _settings.DispatcherApiKey ?? apiKey,
            ["RunPod:CallbackBaseUrl"] = gateway,
            ["RunPod:WebhookTokenSecret"] = tokenSecret,
            ["RunPod:ConfigurationFaultRedeliveryInterval"] = "00:00:02",
            ["ConnectionStrings:DispatchLedger"] = _database.ConnectionString,
        };
        Dispatcher = await Start(_dispatcherSettings, b => b.AddDispatcher(), _ => { });
        await Start(common, b => b.AddServiceDefaults().AddTranscodingBus(bus => bus.AddConsumer<MessageRecorder>().Endpoint(InOrderEndpoint.Configure)), _ => { });

        RunPodApiKey = apiKey;
        Secrets = [callbackSecret, gatewaySecret, tokenSecret, gatewayTokenSecret, apiKey, LoopbackOrchestrator.SigningKey];
        _tokens = new RunPodWebhookToken(Convert.FromBase64String(tokenSecret));
        Orchestrator = new HttpClient { BaseAddress = new Uri(orchestrator) };
        RunPod = new HttpClient { BaseAddress = new Uri(runPod) };
        RunPod.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        Upstream = _hosts[^1].Services.GetRequiredService<IBus>();
    }

    /// <summary>The dispatcher's base URL (its <c>/health/ready</c>).</summary>
    public string Dispatcher { get; private set; } = "";

    /// <summary>The local RunPod endpoint's API key: what the dispatcher is given unless <see cref="PipelineSettings.DispatcherApiKey"/> says otherwise.</summary>
    public string RunPodApiKey { get; private set; } = "";

    private Dictionary<string, string?> _dispatcherSettings = [];

    /// <summary>Stops the dispatcher and starts a new one with <paramref name="apiKey"/>, as a redeploy with a fixed key does.</summary>
    public async Task RestartDispatcherAsync(string apiKey)
    {
        var old = _hosts.Single(host => host.Urls.Single() == Dispatcher);
        await old.StopAsync();
        await old.DisposeAsync();
        _hosts.Remove(old);
        _dispatcherSettings["RunPod:ApiKey"] = apiKey;
        Dispatcher = await Start(_dispatcherSettings, b => b.AddDispatcher(), _ => { });
    }

    /// <summary>More settings for the local RunPod endpoint (its <c>LocalRunPod:WorkerEnvironment:*</c>, say).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> WorkerSettings() => [];

    /// <summary>Puts a local file in the bucket and publishes MediaUploaded, as an upstream service would.</summary>
    public Task<Guid> UploadAsync(string file, string contentType) => new UpstreamService(Storage, Upstream).UploadAsync(file, contentType);

    public async Task<MediaStatus> WaitForTerminalStateAsync(Guid mediaId, TimeSpan timeout)
    {
        var (status, _) = await Eventually.Until<(MediaStatus? Status, string Body)>(
            async () =>
            {
                var response = await Orchestrator.GetAsync($"/media/{mediaId}");
                var body = await response.Content.ReadAsStringAsync();
                return (response.IsSuccessStatusCode ? JsonSerializer.Deserialize<MediaStatus>(body, JsonDefaults.Web) : null, $"{(int)response.StatusCode} {body}");
            },
            x => x.Status?.State is "ready" or "failed",
            $"media {mediaId} ready or failed",
            timeout,
            x => $"{x.Body}; logs:\n{Logs.Tail(mediaId.ToString())}");
        return status!;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }

        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        foreach (var folder in new[] { Bucket, Bucket + "-work", Bucket + "-sources" }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Starts a host on a port of its own choosing and returns its base URL once the host is ready.</summary>
    private async Task<string> Start(
        Dictionary<string, string?> common, Action<WebApplicationBuilder> add, Action<WebApplication> map, Dictionary<string, string?>? own = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = LoopbackOrchestrator.EnvironmentName });
        builder.Configuration.AddInMemoryCollection(common.Concat(own ?? []).Append(new("urls", "http://127.0.0.1:0")));
        builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(Logs));
        add(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        map(app);
        await app.StartAsync();
        _hosts.Add(app);
        var url = app.Urls.Single();
        if (!await Readiness.WaitAsync(url, TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException($"{url} was not ready in 60 s:\n{Logs.Tail("health")}");
        }

        return url;
    }
}
