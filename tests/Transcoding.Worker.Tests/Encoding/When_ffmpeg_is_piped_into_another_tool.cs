using Microsoft.Extensions.Options;
using Transcoding.Worker.Encoding;

namespace Transcoding.Worker.Tests.Encoding;

/// <summary>
/// <see cref="MediaToolRunner.RunFfmpegAsync(IReadOnlyList{string}, Action{string}?, Func{Stream, CancellationToken, Task}?, CancellationToken)"/>
/// with ffmpeg's stdout handed to another tool's stdin (as the waveform hands WAV to audiowaveform), a shell as the
/// tool: the two processes are started one inside the other's output pipe, each bound to the worker, and must still
/// form one pipe, with ffmpeg's progress read from stderr meanwhile.
/// </summary>
public sealed class When_ffmpeg_is_piped_into_another_tool : IDisposable
{
    private static readonly string[] OneSecondOfWav =
        ["-v", "error", "-nostats", "-progress", "pipe:2", "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-ac", "1", "-ar", "8000", "-f", "wav", "-"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("piped-tool-");
    private readonly MediaToolRunner _runner = new(Options.Create(new WorkerOptions()));

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task The_tool_reads_all_of_ffmpegs_output_and_progress_is_not_an_error()
    {
        var received = Path.Combine(_folder.FullName, "received");
        var progress = new List<string>();

        var errors = await _runner.RunFfmpegAsync(
            OneSecondOfWav, progress.Add, (stdout, ct) => _runner.RunToolAsync("sh", ["-c", $"wc -c > '{received}'"], stdout, ct), CancellationToken.None);

        // 8000 samples of 16 bits after a 44-byte header (ffmpeg may add a LIST chunk).
        Assert.InRange(long.Parse((await File.ReadAllTextAsync(received)).Trim(), System.Globalization.CultureInfo.InvariantCulture), 16_044, 16_200);
        Assert.Equal("progress=end", progress[^1]);
        Assert.Equal("", errors);
    }

    [Fact]
    public async Task A_failing_tool_fails_the_run_with_its_exit_code_and_errors()
    {
        // Ten minutes of PCM: far more than a pipe holds, so ffmpeg would block for ever if nobody ended it.
        string[] endless = ["-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=600", "-f", "wav", "-"];

        var failure = await Assert.ThrowsAsync<ToolFailedException>(() => _runner.RunFfmpegAsync(
            endless, null, (stdout, ct) => _runner.RunToolAsync("sh", ["-c", "head -c 1000 > /dev/null; echo broken >&2; exit 3"], stdout, ct), CancellationToken.None));

        Assert.Equal("sh exited with code 3: broken", failure.Message);
    }
}
