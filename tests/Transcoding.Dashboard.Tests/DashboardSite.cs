using System.Security.Cryptography;
using System.Text;
using RabbitMQ.Client;
using Transcoding.Faults;
using Transcoding.Orchestrator.Auth;
using Transcoding.Testing;

namespace Transcoding.Dashboard.Tests;

/// <summary>
/// The orchestrator as deployed (its own process, <c>dotnet Transcoding.Orchestrator.dll</c>, on a loopback port) on a
/// database and a RabbitMQ virtual host of its own, a local bucket folder holding the ready item's real outputs, and
/// the seeded items, and one faulted message in <c>dashboard-probe_error</c> (<see cref="FaultedQueue"/>). Two API keys (<c>Auth:ApiKeys</c>, stored as SHA-256): <see cref="OperatorKey"/> and
/// <see cref="ReaderKey"/>.
/// </summary>
public sealed class DashboardSite : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dashboard-test-");
    private RabbitMqVirtualHost? _host;
    private ServiceProcess? _orchestrator;

    public PostgresDatabase Database { get; } = new();

    public string OperatorKey { get; } = "op_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string ReaderKey { get; } = "rd_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The queue the faulted message came from: a replay puts it back there (nothing consumes it).</summary>
    public const string FaultedQueue = "dashboard-probe";

    public SeededItems Items { get; private set; } = null!;

    public string Url => _orchestrator!.Url;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _host = await RabbitMqVirtualHost.CreateAsync();
        var bucket = Path.Combine(_folder.FullName, "bucket");
        var readyId = Guid.NewGuid();
        var outputs = await ReadyOutputs.MakeAsync(bucket, _folder.FullName, readyId);
        _orchestrator = await ServiceProcess.StartAsync("Transcoding.Orchestrator", new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = Database.ConnectionString,
            ["Bus__Transport"] = "RabbitMq",
            ["Bus__RabbitMqUri"] = _host.AmqpUri,
            ["Bus__ManagementUrl"] = _host.ManagementUrl,
            ["Storage__Provider"] = "Local",
            ["Storage__LocalRoot"] = bucket,
            ["Playback__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Auth__ApiKeys__0__Name"] = "dashboard-operator",
            ["Auth__ApiKeys__0__Sha256"] = Convert.ToHexString(ApiKeyHash.Of(OperatorKey)),
            ["Auth__ApiKeys__0__Role"] = Roles.Operator,
            ["Auth__ApiKeys__1__Name"] = "dashboard-reader",
            ["Auth__ApiKeys__1__Sha256"] = Convert.ToHexString(ApiKeyHash.Of(ReaderKey)),
            ["Auth__ApiKeys__1__Role"] = Roles.Reader,
        });
        // After the start: the orchestrator migrates its database as it starts.
        Items = await SeededItems.WriteAsync(Database.ConnectionString, outputs, readyId);
        await FaultOneMessageAsync();
    }

    /// <summary>Ready messages in a queue of the virtual host.</summary>
    public async Task<uint> DepthAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(_host!.AmqpUri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    /// <summary>Items per state as the status API names them, read from the saga table.</summary>
    public async Task<Dictionary<string, long>> CountsByStateAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var (state, stored) in new[] { ("uploaded", "UploadedState"), ("transcoding", "Transcoding"), ("ready", "Ready"), ("failed", "Failed") })
        {
            counts[state] = await Database.ScalarAsync<long>($"SELECT count(*) FROM transcode_state WHERE \"CurrentState\" = '{stored}'");
        }

        return counts;
    }

    public Task<string?> StateOfAsync(Guid mediaId) =>
        Database.ScalarAsync<string>($"SELECT \"CurrentState\" FROM transcode_state WHERE \"CorrelationId\" = '{mediaId}'");

    public async Task DisposeAsync()
    {
        if (_orchestrator is not null)
        {
            await _orchestrator.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await Database.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    /// <summary>A message in <c>dashboard-probe_error</c> with the headers MassTransit writes when it moves one there.</summary>
    private async Task FaultOneMessageAsync()
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(_host!.AmqpUri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(FaultedQueue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueDeclareAsync(FaultedQueue + "_error", durable: true, exclusive: false, autoDelete: false);
        var properties = new BasicProperties
        {
            MessageId = Guid.NewGuid().ToString(),
            ContentType = "application/vnd.masstransit+json",
            Headers = new Dictionary<string, object?>
            {
                [FaultHeaders.ExceptionType] = Encoding.UTF8.GetBytes("System.InvalidOperationException"),
                [FaultHeaders.MessageType] = Encoding.UTF8.GetBytes("urn:message:Transcoding.Dashboard.Tests:Probe"),
                [FaultHeaders.Message] = Encoding.UTF8.GetBytes("probe cannot be processed"),
                [FaultHeaders.InputAddress] = Encoding.UTF8.GetBytes($"rabbitmq://127.0.0.1/{_host.Name}/{FaultedQueue}"),
            },
        };
        await channel.BasicPublishAsync("", FaultedQueue + "_error", mandatory: true, properties, Encoding.UTF8.GetBytes("{}"));
    }
}
