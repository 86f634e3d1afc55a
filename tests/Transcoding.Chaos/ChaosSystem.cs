using System.Security.Cryptography;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Transcoding.Contracts;
using Transcoding.ServiceDefaults.Messaging;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;
using Transcoding.Testing.Chaos;

namespace Transcoding.Chaos;

/// <summary>
/// The deployed system on one machine, every part its own process as in production: two orchestrators on one saga
/// store, the dispatcher, the gateway and the local RunPod endpoint running the real worker, on the test servers'
/// RabbitMQ (a virtual host of its own), PostgreSQL (a database of its own) and s3rver (the bucket). Each process writes
/// everything it prints to <c>{folder}/logs/{name}.log</c> (restarts append). An upstream/downstream host in this process
/// uploads items and records the outcomes.
/// </summary>
public sealed class ChaosSystem : IAsyncDisposable
{
    private readonly List<TextWriter> _logs = [];
    private readonly List<ServiceSlot> _slots = [];
    private IHost? _edge;

    private ChaosSystem(string folder, RabbitMqVirtualHost vhost, PostgresDatabase database)
    {
        Folder = folder;
        VirtualHost = vhost;
        Database = database;
    }

    /// <summary>The run's folder: logs, the workers' work folder, generated sources.</summary>
    public string Folder { get; }

    public RabbitMqVirtualHost VirtualHost { get; }

    public PostgresDatabase Database { get; }

    public string WorkerWorkDir => Path.Combine(Folder, "work");

    public string LogFolder => Path.Combine(Folder, "logs");

    public IObjectStorage Storage { get; } = StorageServiceCollectionExtensions.Create(S3TestServer.Options());

    public OutcomeLedger Outcomes { get; } = new();

    /// <summary>Every secret the processes were configured with (and the parts of one a log could print alone).</summary>
    public IReadOnlyList<(string Name, string Value)> Secrets { get; private set; } = [];

    /// <summary>The per-attempt RunPod webhook token of an item (it is in the URL RunPod calls).</summary>
    public RunPodWebhookToken Tokens { get; private set; } = null!;

    /// <summary>Every service process slot, in start order.</summary>
    public IReadOnlyList<ServiceSlot> Slots => _slots;

    public ServiceSlot OrchestratorA => _slots[0];

    public ServiceSlot OrchestratorB => _slots[1];

    public ServiceSlot Gateway => _slots[2];

    public ServiceSlot RunPod => _slots[3];

    public ServiceSlot Dispatcher => _slots[4];

    public IBus Upstream => _edge!.Services.GetRequiredService<IBus>();

    /// <summary>
    /// The proxy the callbacks pass through (worker callbacks and RunPod's job webhooks: the dispatcher's
    /// <c>RunPod__CallbackBaseUrl</c> is its address); inactive until a <see cref="Faults.CallbackChaosFault"/> holds it.
    /// </summary>
    public CallbackProxy CallbackProxy { get; private set; } = null!;

    /// <summary>The local RunPod endpoint's API key (also the key of its <c>/admin/faults</c>).</summary>
    public string RunPodApiKey { get; private set; } = "";

    /// <param name="workers">Real worker processes behind the local RunPod endpoint; 0: the endpoint completes every job
    /// itself at once (its instant completion, for the load run).</param>
    /// <param name="seed">Seeds the callback proxy's fates.</param>
    public static async Task<ChaosSystem> StartAsync(string folder, int workers, int seed)
    {
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        var system = new ChaosSystem(folder, await RabbitMqVirtualHost.CreateAsync(), await PostgresDatabase.CreateAsync());
        await system.StartProcessesAsync(workers, seed);
        return system;
    }

    private async Task StartProcessesAsync(int workers, int seed)
    {
        var callbackSecret = WebhookSecret.Generate();
        var tokenSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        RunPodApiKey = apiKey;
        Secrets =
        [
            ("worker callback secret", callbackSecret),
            ("worker callback secret (key alone)", callbackSecret[(callbackSecret.IndexOf('_', StringComparison.Ordinal) + 1)..]),
            ("RunPod webhook token secret", tokenSecret),
            ("RunPod API key", apiKey),
        ];
        Tokens = new RunPodWebhookToken(Convert.FromBase64String(tokenSecret));
        var storage = S3TestServer.Options();
        Dictionary<string, string> common = new()
        {
            ["Bus__Transport"] = "RabbitMq",
            ["Bus__RabbitMqUri"] = VirtualHost.AmqpUri,
            ["Logging__LogLevel__Default"] = "Information",
            // Its every SQL command at Information would cost the two cores more than the services' own lines.
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
            // Lines of different processes can then be set side by side with the fault timeline.
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
            ["Storage__Provider"] = storage.Provider.ToString(),
            ["Storage__ServiceUrl"] = storage.ServiceUrl!,
            ["Storage__Bucket"] = storage.Bucket,
            ["Storage__AccessKeyId"] = storage.AccessKeyId!,
            ["Storage__SecretAccessKey"] = storage.SecretAccessKey!,
            ["Storage__Region"] = storage.Region!,
        };

        // Orchestrators first: their queues must be bound before anything publishes to them. Short deadlines, so a lost
        // callback is resolved by polling within the run.
        Dictionary<string, string> orchestrator = new(common.Concat(LoopbackOrchestrator.Environment))
        {
            ["ConnectionStrings__Postgres"] = Database.ConnectionString,
            ["Orchestrator__AttemptTimeout"] = "00:01:00",
            ["Orchestrator__PollInterval"] = "00:00:05",
        };
        await StartAsync("orchestrator-a", "Transcoding.Orchestrator", orchestrator);
        await StartAsync("orchestrator-b", "Transcoding.Orchestrator", orchestrator);
        await StartAsync("gateway", "Transcoding.Gateway", new(common)
        {
            ["Webhooks__Secrets__0"] = callbackSecret,
            ["Webhooks__RunPodTokenSecret"] = tokenSecret,
            ["ConnectionStrings__Postgres"] = Database.ConnectionString,
        });
        // Issue 15's callback fault: 30 % dropped, some delivered three times at once, others held past the worker's
        // 10 s attempt timeout so its retry overtakes them and the late copy still arrives.
        CallbackProxy = await CallbackProxy.StartAsync(new Uri(Gateway.Current.Url), new CallbackProxyOptions
        {
            DropShare = 0.3,
            DuplicateShare = 0.15,
            Copies = 3,
            DelayShare = 0.15,
            Delay = TimeSpan.FromSeconds(12),
            Seed = seed,
        });
        CallbackProxy.Active = false;
        Dictionary<string, string> runPod = new(common)
        {
            ["LocalRunPod__ApiKey"] = apiKey,
            ["LocalRunPod__EndpointId"] = "chaos",
            ["LocalRunPod__Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LocalRunPod__WebhookRetryDelay"] = "00:00:01",
            ["LocalRunPod__InstantCompletion"] = workers == 0 ? "true" : "false",
            ["LocalRunPod__InstantCallbackSecret"] = callbackSecret,
            ["LocalRunPod__WorkerCommand"] = "dotnet",
            ["LocalRunPod__WorkerArguments"] = $"\"{Repository.Dll("gpu-image/Transcoding.Worker")}\"",
            ["LocalRunPod__WorkerEnvironment__Worker__CallbackSecret"] = callbackSecret,
            ["LocalRunPod__WorkerEnvironment__Worker__WorkDir"] = WorkerWorkDir,
            ["LocalRunPod__WorkerEnvironment__Worker__Preset"] = "veryfast",
            ["LocalRunPod__WorkerEnvironment__Logging__LogLevel__Default"] = "Information",
        };
        foreach (var (key, value) in common.Where(x => x.Key.StartsWith("Storage__", StringComparison.Ordinal)))
        {
            runPod["LocalRunPod__WorkerEnvironment__" + key] = value;
        }

        await StartAsync("local-runpod", "Transcoding.LocalRunPod", runPod);
        await StartAsync("dispatcher", "Transcoding.Dispatcher", new(common)
        {
            ["RunPod__BaseUrl"] = RunPod.Current.Url,
            ["RunPod__EndpointId"] = "chaos",
            ["RunPod__ApiKey"] = apiKey,
            ["RunPod__CallbackBaseUrl"] = CallbackProxy.Url,
            ["RunPod__WebhookTokenSecret"] = tokenSecret,
            ["RunPod__ConfigurationFaultRedeliveryInterval"] = "00:00:02",
            // Compressed like the attempt timeout: a dispatcher killed between its claim and the job id blocks the
            // attempt for a lease (5 min by default, beyond the drain), and this one must still outlast a /run (2 min).
            ["RunPod__DispatchClaimLease"] = "00:02:30",
            ["RunPod__DispatchClaimRedeliveryInterval"] = "00:00:05",
            ["ConnectionStrings__DispatchLedger"] = Database.ConnectionString,
        });
        await StartEdgeAsync();
    }

    private async Task StartAsync(string name, string project, Dictionary<string, string> environment)
    {
        var log = TextWriter.Synchronized(new StreamWriter(Path.Combine(LogFolder, name + ".log"), append: true) { AutoFlush = true });
        _logs.Add(log);
        _slots.Add(new ServiceSlot(name, await ServiceProcess.StartAsync(project, environment, log)));
        Console.WriteLine($"chaos: {name} ready at {_slots[^1].Current.Url}");
    }

    /// <summary>Upstream (publishes uploads) and downstream (records outcomes) in one host of this process.</summary>
    private async Task StartEdgeAsync()
    {
        // Content root in this program's folder, as the services have it (ServiceHost): chaos runs start in the repository, whose whole tree configuration reload would watch.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMqUri"] = VirtualHost.AmqpUri,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddSingleton(Outcomes);
        builder.AddTranscodingBus(bus => bus.AddConsumer<OutcomeRecorder>().Endpoint(endpoint =>
        {
            endpoint.PrefetchCount = 1;
            endpoint.ConcurrentMessageLimit = 1;
        }));
        // Its queue must be bound before the orchestrators publish outcomes.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        _edge = builder.Build();
        await _edge.StartAsync();
    }

    /// <summary>Jobs a worker took, per media item: what RunPod ran and bills (the local endpoint's <c>GET /admin/jobs</c>).</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> RunPodJobsAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(RunPod.Current.Url), "/admin/jobs"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", RunPodApiKey);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var jobs = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return jobs.RootElement.EnumerateArray()
            .Where(job => job.GetProperty("started").GetBoolean())
            .Select(job => job.GetProperty("input").TryGetProperty("mediaId", out var id) && Guid.TryParse(id.GetString(), out var mediaId) ? mediaId : Guid.Empty)
            .GroupBy(mediaId => mediaId)
            .ToDictionary(group => group.Key, group => group.Count());
    }

    /// <summary>Uploads as an upstream service does (its bucket and bus).</summary>
    public UpstreamService Uploader => new(Storage, Upstream);

    /// <summary>
    /// Waits until every outcome already published has been recorded: a marker MediaReady published behind them on the
    /// recorder's one-at-a-time queue is recorded after them.
    /// </summary>
    public async Task AllOutcomesRecordedAsync()
    {
        var marker = Guid.NewGuid();
        await Upstream.Publish(new MediaReady { MediaId = marker });
        await Eventually.True(() => Outcomes.ReadyDeliveries.ContainsKey(marker), "the marker MediaReady recorded", TimeSpan.FromMinutes(2));
        Outcomes.ReadyDeliveries.TryRemove(marker, out _);
        Outcomes.ReadyMessageIds.TryRemove(marker, out _);
    }

    public async ValueTask DisposeAsync()
    {
        if (_edge is not null)
        {
            await _edge.StopAsync();
            _edge.Dispose();
        }

        foreach (var slot in Enumerable.Reverse(_slots))
        {
            await slot.DisposeAsync();
        }

        if (CallbackProxy is not null)
        {
            await CallbackProxy.DisposeAsync();
        }

        foreach (var log in _logs)
        {
            await log.DisposeAsync();
        }

        await Database.DisposeAsync();
        await VirtualHost.DisposeAsync();
    }
}
