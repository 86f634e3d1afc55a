using System.Text.Json;
using CliWrap;
using Transcoding.Shared;

namespace Transcoding.Chaos.Truth;

/// <summary>The operators' CLI run as a process against the run's virtual host, as an operator would.</summary>
public sealed class OpsCli(RabbitMqVirtualHost vhost)
{
    /// <summary><c>ops faults list --json</c>: the error queues' messages grouped by reason.</summary>
    /// <exception cref="InvalidOperationException">The CLI failed; the message has its exit code and error line.</exception>
    public async Task<IReadOnlyList<ErrorQueueGroup>> FaultsAsync()
    {
        var output = await RunAsync("faults", "list");
        using var document = JsonDocument.Parse(output);
        return document.RootElement.GetProperty("groups").Deserialize<List<ErrorQueueGroup>>(JsonDefaults.Web) ?? [];
    }

    /// <summary><c>ops faults replay --all --json</c>: every faulted message back to the queue it faulted on.</summary>
    /// <exception cref="InvalidOperationException">The CLI failed (some message could not be replayed).</exception>
    public Task ReplayAllAsync() => RunAsync("faults", "replay", "--all");

    private async Task<string> RunAsync(params string[] command)
    {
        var result = await Cli.Wrap("dotnet")
            .WithArguments([Repository.Dll("services/Transcoding.Ops"), .. command, "--json", "--amqp", vhost.AmqpUri, "--management", vhost.ManagementUrl])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBoundBufferedAsync();
        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new InvalidOperationException($"ops {string.Join(' ', command)} exited {result.ExitCode}: {result.StandardError.Trim()}");
    }
}
