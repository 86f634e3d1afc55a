using Microsoft.Extensions.Options;
using Transcoding.Worker.Encoding;

namespace Transcoding.Worker.Tests.Encoding;

/// <summary>
/// <see cref="MediaToolRunner.RunPipedAsync"/> (ffmpeg's WAV into audiowaveform) with a shell as the consumer: the two
/// processes are started one inside the other's input pipe, each bound to the worker, and must still form one pipe.
/// </summary>
public sealed class When_ffmpeg_is_piped_into_another_tool : IDisposable
{
    private static readonly string[] OneSecondOfWav = ["-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-ac", "1", "-ar", "8000", "-f", "wav", "-"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("piped-tool-");
    private readonly MediaToolRunner _runner = new(Options.Create(new WorkerOptions()));

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task The_tool_reads_all_of_ffmpegs_output()
    {
        var received = Path.Combine(_folder.FullName, "received");

        await _runner.RunPipedAsync(OneSecondOfWav, "sh", ["-c", $"wc -c > '{received}'"], CancellationToken.None);

        // 8000 samples of 16 bits after a 44-byte header (ffmpeg may add a LIST chunk).
        Assert.InRange(long.Parse((await File.ReadAllTextAsync(received)).Trim(), System.Globalization.CultureInfo.InvariantCulture), 16_044, 16_200);
    }

    [Fact]
    public async Task A_failing_tool_fails_the_run_with_its_exit_code_and_errors()
    {
        var failure = await Assert.ThrowsAsync<ToolFailedException>(() =>
            _runner.RunPipedAsync(OneSecondOfWav, "sh", ["-c", "cat > /dev/null; echo broken >&2; exit 3"], CancellationToken.None));

        Assert.Equal("sh exited with code 3: broken", failure.Message);
    }
}
