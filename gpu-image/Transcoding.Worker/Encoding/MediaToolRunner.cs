using CliWrap;
using Microsoft.Extensions.Options;
using Transcoding.Shared.Processes;

namespace Transcoding.Worker.Encoding;

/// <summary>
/// Thin CliWrap adapter for ffprobe/ffmpeg. Cancelling kills the process, so no encoder outlives its job; every tool is
/// started through <see cref="ChildProcess"/>, so none outlives a worker killed mid-encode either.
/// </summary>
public sealed class MediaToolRunner(IOptions<WorkerOptions> options)
{
    private const int ErrorTailLines = 12;

    public async Task<string> ProbeAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var stdout = new System.Text.StringBuilder();
        await RunAsync(options.Value.FfprobePath, arguments, PipeTarget.ToStringBuilder(stdout), cancellationToken);
        return stdout.ToString();
    }

    /// <summary>
    /// Runs ffmpeg and returns the tail of its stderr ("" when it printed nothing). The worker runs it at <c>-v error</c>,
    /// so text after an exit code of 0 means problems it carried on past, such as a source that ends early.
    /// </summary>
    public Task<string> RunFfmpegAsync(IReadOnlyList<string> arguments, Action<string>? onOutputLine, CancellationToken cancellationToken) =>
        RunAsync(options.Value.FfmpegPath, arguments, onOutputLine is null ? PipeTarget.Null : PipeTarget.ToDelegate(onOutputLine), cancellationToken);

    /// <summary>Runs ffmpeg with its stdout handed to <paramref name="readOutput"/> as a stream, e.g. raw PCM.</summary>
    public Task RunFfmpegAsync(IReadOnlyList<string> arguments, Func<Stream, CancellationToken, Task> readOutput, CancellationToken cancellationToken) =>
        RunAsync(options.Value.FfmpegPath, arguments, PipeTarget.Create(readOutput), cancellationToken);

    public Task RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(tool, arguments, PipeTarget.Null, cancellationToken);

    /// <summary>ffmpeg's stdout piped into another tool's stdin (e.g. audiowaveform reading WAV).</summary>
    public async Task RunPipedAsync(IReadOnlyList<string> ffmpegArguments, string tool, IReadOnlyList<string> toolArguments, CancellationToken cancellationToken)
    {
        var ffmpegErrors = new ErrorTail(ErrorTailLines);
        var toolErrors = new ErrorTail(ErrorTailLines);
        var producer = Cli.Wrap(options.Value.FfmpegPath).WithArguments(ffmpegArguments)
            .WithValidation(CommandResultValidation.None)
            .WithStandardErrorPipe(PipeTarget.ToDelegate(ffmpegErrors.Add));
        // As CliWrap's producer | consumer, with the producer started through ChildProcess as well.
        var consumer = Cli.Wrap(tool).WithArguments(toolArguments)
            .WithValidation(CommandResultValidation.None)
            .WithStandardErrorPipe(PipeTarget.ToDelegate(toolErrors.Add))
            .WithStandardInputPipe(PipeSource.Create((input, ct) => Execute(producer.WithStandardOutputPipe(PipeTarget.ToStream(input)), ct)));
        var result = await Execute(consumer, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new ToolFailedException(Path.GetFileName(tool), result.ExitCode, toolErrors.ToString() + ffmpegErrors);
        }
    }

    /// <returns>The tail of the tool's stderr.</returns>
    private static async Task<string> RunAsync(string tool, IReadOnlyList<string> arguments, PipeTarget stdout, CancellationToken cancellationToken)
    {
        var errors = new ErrorTail(ErrorTailLines);
        var result = await Execute(Cli.Wrap(tool)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(stdout)
            .WithStandardErrorPipe(PipeTarget.ToDelegate(errors.Add)), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new ToolFailedException(Path.GetFileName(tool), result.ExitCode, errors.ToString());
        }

        return errors.ToString();
    }

    private static Task<CommandResult> Execute(Command command, CancellationToken cancellationToken) =>
        ChildProcess.Start(bind => command.ExecuteAsync(bind, null, cancellationToken, CancellationToken.None)).Task;

    /// <summary>The last lines of a tool's stderr: enough to say why it failed without keeping a long log in memory.</summary>
    private sealed class ErrorTail(int capacity)
    {
        private readonly Queue<string> _lines = new();

        public void Add(string line)
        {
            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > capacity)
                {
                    _lines.Dequeue();
                }
            }
        }

        public override string ToString()
        {
            lock (_lines)
            {
                return string.Join(" | ", _lines).Trim();
            }
        }
    }
}
