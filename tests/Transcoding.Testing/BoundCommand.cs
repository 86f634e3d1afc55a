using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Transcoding.Shared.Processes;

namespace Transcoding.Testing;

/// <summary>
/// CliWrap commands started through <see cref="ChildProcess"/>, as the tests start every process: a test host killed
/// (<c>dotnet test --blame-hang-timeout</c>) or a chaos runner stopped leaves none of them running.
/// </summary>
public static class BoundCommand
{
    /// <summary>As CliWrap's <c>ExecuteAsync</c>: validation, pipes and cancellation as configured;
    /// <paramref name="cancellationToken"/> kills the process, <paramref name="interrupt"/> sends it SIGINT (Ctrl-C).</summary>
    public static CommandTask<CommandResult> ExecuteBoundAsync(this Command command, CancellationToken cancellationToken = default, CancellationToken interrupt = default) =>
        ChildProcess.Start(bind => command.ExecuteAsync(bind, null, cancellationToken, interrupt));

    /// <summary>As CliWrap's <c>ExecuteBufferedAsync</c>: standard output and error kept as text (UTF-8), beside any
    /// pipes the command already has.</summary>
    /// <exception cref="CliWrap.Exceptions.CommandExecutionException">Non-zero exit while the command validates it.</exception>
    public static async Task<BufferedCommandResult> ExecuteBoundBufferedAsync(this Command command, CancellationToken cancellationToken = default)
    {
        var (output, errors) = (new StringBuilder(), new StringBuilder());
        var result = await command
            .WithStandardOutputPipe(PipeTarget.Merge(command.StandardOutputPipe, PipeTarget.ToStringBuilder(output, Encoding.UTF8)))
            .WithStandardErrorPipe(PipeTarget.Merge(command.StandardErrorPipe, PipeTarget.ToStringBuilder(errors, Encoding.UTF8)))
            .ExecuteBoundAsync(cancellationToken);
        return new BufferedCommandResult(result.ExitCode, result.StartTime, result.ExitTime, output.ToString(), errors.ToString());
    }
}
