using CliWrap;

namespace Transcoding.Benchmarks;

/// <summary>ffmpeg/ffprobe as the benchmarks run them: output discarded, a failure is an exception.</summary>
public static class Ffmpeg
{
    public static Task RunAsync(IEnumerable<string> arguments) =>
        Cli.Wrap("ffmpeg").WithArguments(arguments).WithStandardErrorPipe(PipeTarget.Null).ExecuteAsync();

    public static async Task<string> ProbeAsync(IEnumerable<string> arguments)
    {
        var stdout = new System.Text.StringBuilder();
        await Cli.Wrap("ffprobe").WithArguments(arguments).WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout)).ExecuteAsync();
        return stdout.ToString();
    }

    /// <summary>A generated clip (testsrc2 + sine), made once and kept in the bench folder.</summary>
    public static async Task<string> ClipAsync(string folder, string name, string size, double seconds, string[] codec, string? filter = null)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(folder);
            var partial = path + ".partial.mp4";
            await RunAsync(
            [
                "-hide_banner", "-y", "-v", "error",
                "-f", "lavfi", "-i", $"testsrc2=size={size}:rate=25:duration={seconds}",
                "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={seconds}",
                .. filter is null ? Array.Empty<string>() : ["-vf", filter],
                .. codec, "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-shortest", partial,
            ]);
            File.Move(partial, path);
        }

        return path;
    }
}
