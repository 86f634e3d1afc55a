using Transcoding.Testing.Chaos;

namespace Transcoding.Chaos.Faults;

/// <summary>
/// A fault of one test server (RabbitMQ, PostgreSQL, s3rver), injected by <c>scripts/test-infra.sh</c> on the servers
/// this process's environment names (<c>scripts/chaos.sh</c> exports <c>TEST_INFRA_DIR</c> and the ports).
/// </summary>
/// <param name="startCommand">The script's command that injects it, e.g. <c>rabbitmq-stop</c>.</param>
/// <param name="stopCommand">The command that gives the server back, e.g. <c>rabbitmq-start</c>; null when the start
/// command does both (<c>postgres-crash</c> is an immediate shutdown followed by a start).</param>
public sealed class ServerFault(string name, string startCommand, string? stopCommand, TimeSpan hold) : IFault
{
    private static readonly IReadOnlyDictionary<string, string> Inherited = new Dictionary<string, string>();

    public string Name => name;

    public TimeSpan Hold => hold;

    /// <summary>RabbitMQ stopped for 20 s (durable queues and persistent messages kept).</summary>
    public static ServerFault RabbitMqDown() => new("RabbitMQ stopped", "rabbitmq-stop", "rabbitmq-start", TimeSpan.FromSeconds(20));

    /// <summary>PostgreSQL's immediate shutdown (a crash: WAL recovery) and start.</summary>
    public static ServerFault PostgresCrash() => new("PostgreSQL crash and restart", "postgres-crash", null, TimeSpan.Zero);

    /// <summary>s3rver down for 10 s (objects kept).</summary>
    public static ServerFault StorageDown() => new("s3rver stopped", "s3-stop", "s3-start", TimeSpan.FromSeconds(10));

    public async Task<FaultEffect> StartAsync(CancellationToken cancellationToken)
    {
        await TestInfraScript.RunAsync(startCommand, Inherited);
        return new FaultEffect(true, stopCommand is null ? startCommand : $"{startCommand}, {stopCommand} after {hold.TotalSeconds:0} s");
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        stopCommand is null ? Task.CompletedTask : TestInfraScript.RunAsync(stopCommand, Inherited);
}
