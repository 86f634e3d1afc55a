using System.Diagnostics;
using Transcoding.Shared.Processes;
using Xunit;

namespace Transcoding.Testing.Chaos;

/// <summary>
/// A set of test servers of its own (RabbitMQ, PostgreSQL, s3rver): <c>scripts/test-infra.sh</c> on a private
/// <c>TEST_INFRA_DIR</c> and free loopback ports, and the faults that script injects into one server at a time. Each
/// call returns when the script does; after a start that is when the server answers again, on the same ports, with
/// the same data and the same env file.
/// </summary>
/// <remarks>Use it as an xunit fixture (<see cref="IAsyncLifetime"/>) or start one with <see cref="StartAsync"/>.
/// Every call throws <see cref="InvalidOperationException"/> when the script fails, with its exit code and the end of
/// its stderr (the failing server's log tail).</remarks>
public sealed class TestInfraSet : IAsyncLifetime, IAsyncDisposable
{
    private static readonly string Script = Path.Combine(Repository.Root, "scripts", "test-infra.sh");

    /// <summary>The set's <c>TEST_INFRA_DIR</c>: a new folder under the system's temporary folder.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("transcoding-infra-").FullName;

    public TestInfraPorts Ports { get; } = TestInfraPorts.Free();

    /// <summary>The sourceable environment <c>start</c> wrote (<c>TEST_RABBITMQ_URI</c>, <c>TEST_POSTGRES</c>, ...).</summary>
    public string EnvFile => Path.Combine(Directory, "env");

    /// <summary>The env file's variables, quotes removed.</summary>
    public IReadOnlyDictionary<string, string> Environment => File.ReadAllLines(EnvFile)
        .Select(line => line.StartsWith("export ", StringComparison.Ordinal) ? line["export ".Length..] : line)
        .Select(line => line.Split('=', 2))
        .ToDictionary(pair => pair[0], pair => pair[1].Trim('"'));

    /// <summary>PostgreSQL's server log (appended to by every start, crash recovery included).</summary>
    public string PostgresLog => Path.Combine(File.ReadAllText(Path.Combine(Directory, "postgres.path")).Trim(), "postgres.log");

    /// <summary>Starts the servers; whatever was started is stopped again when the start fails.</summary>
    public static async Task<TestInfraSet> StartAsync()
    {
        var set = new TestInfraSet();
        await set.InitializeAsync();
        return set;
    }

    /// <inheritdoc cref="StartAsync"/>
    public async Task InitializeAsync()
    {
        try
        {
            await RunAsync("start");
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the broker (<c>rabbitmqctl stop</c>); durable queues and persistent messages stay on disk.</summary>
    public Task StopRabbitMqAsync() => RunAsync("rabbitmq-stop");

    /// <summary>Starts the broker again; returns once its AMQP port and management API answer.</summary>
    public Task StartRabbitMqAsync() => RunAsync("rabbitmq-start");

    /// <summary>PostgreSQL's immediate shutdown (<c>pg_ctl -m immediate</c>: a crash, no checkpoint), then a start
    /// that replays the WAL; returns once it accepts connections. Open connections are cut.</summary>
    public Task CrashPostgresAsync() => RunAsync("postgres-crash");

    /// <summary>Stops s3rver; its objects and certificate stay.</summary>
    public Task StopS3Async() => RunAsync("s3-stop");

    /// <summary>Starts s3rver again on the same data and certificate; returns once it answers over HTTPS.</summary>
    public Task StartS3Async() => RunAsync("s3-start");

    /// <summary>Stops every server and deletes the folder.</summary>
    public async Task DisposeAsync()
    {
        await RunAsync("stop");
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private async Task RunAsync(string command)
    {
        var start = new ProcessStartInfo(Script, [command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["TEST_INFRA_DIR"] = Directory;
        foreach (var (name, value) in Ports.Variables)
        {
            start.Environment[name] = value;
        }

        using var process = ChildProcess.Start(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        if (process.ExitCode != 0)
        {
            var tail = string.Join('\n', (await errors).Split('\n').TakeLast(40));
            throw new InvalidOperationException($"test-infra.sh {command} on {Directory} exited with {process.ExitCode}:\n{tail}");
        }
    }
}
