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
    /// Runs ffmpeg and returns the tail of its stderr ("" when it printed nothing), without the lines of its
    /// <c>-progress pipe:2</c> blocks, which go to <paramref name="onProgressLine"/>. The worker runs it at <c>-v error</c>,
    /// so text after an exit code of 0 means problems it carried on past, such as a source that ends early.
    /// </summary>
    public Task<string> RunFfmpegAsync(IReadOnlyList<string> arguments, Action<string>? onProgressLine, CancellationToken cancellationToken) =>
        RunFfmpegAsync(arguments, onProgressLine, readOutput: null, cancellationToken);

    /// <summary>
    /// The same, with ffmpeg's stdout (e.g. raw PCM) handed to <paramref name="readOutput"/> as a stream while ffmpeg runs.
    /// Progress is on stderr rather than on stdout or a FIFO: CliWrap gives a process exactly stdin, stdout and stderr
    /// (no third descriptor), and a FIFO blocks whoever opens it first until the other side opens it, so an ffmpeg that
    /// fails before opening its outputs would leave the reader waiting for ever. If <paramref name="readOutput"/> fails,
    /// ffmpeg is killed and its exception is thrown, not ffmpeg's broken pipe.
    /// </summary>
    public async Task<string> RunFfmpegAsync(IReadOnlyList<string> arguments, Action<string>? onProgressLine, Func<Stream, CancellationToken, Task>? readOutput, CancellationToken cancellationToken)
    {
        using var readerFailed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? readError = null;
        var stdout = readOutput is null ? PipeTarget.Null : PipeTarget.Create(async (stream, ct) =>
        {
            try
            {
                await readOutput(stream, ct);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                readError = e;
                await readerFailed.CancelAsync();
                throw;
            }
        });
        try
        {
            return await RunAsync(options.Value.FfmpegPath, arguments, stdout, readerFailed.Token, line =>
            {
                if (FfmpegProgressParser.IsProgressLine(line))
                {
                    onProgressLine?.Invoke(line);
                    return true;
                }

                return false;
            });
        }
        catch (Exception) when (readError is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(readError);
            throw;
        }
    }

    public Task RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(tool, arguments, PipeTarget.Null, cancellationToken);

    /// <summary>Runs a tool with <paramref name="input"/> as its stdin (e.g. audiowaveform reading ffmpeg's WAV).</summary>
    public Task RunToolAsync(string tool, IReadOnlyList<string> arguments, Stream input, CancellationToken cancellationToken) =>
        RunAsync(tool, arguments, PipeTarget.Null, cancellationToken, input: PipeSource.FromStream(input));

    /// <param name="takeLine">Takes a stderr line that is not an error (progress); the others make the error tail.</param>
    /// <returns>The tail of the tool's stderr.</returns>
    private static async Task<string> RunAsync(string tool, IReadOnlyList<string> arguments, PipeTarget stdout, CancellationToken cancellationToken, Func<string, bool>? takeLine = null, PipeSource? input = null)
    {
        var errors = new ErrorTail(ErrorTailLines);
        var result = await Execute(Cli.Wrap(tool)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(input ?? PipeSource.Null)
            .WithStandardOutputPipe(stdout)
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line =>
            {
                if (takeLine?.Invoke(line) != true)
                {
                    errors.Add(line);
                }
            })), cancellationToken);
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
