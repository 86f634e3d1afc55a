using CliWrap;
using Transcoding.Testing;

namespace Transcoding.Benchmarks;

/// <summary>The generated sources the worker benchmarks encode (the encodes themselves go through the worker's own runner).</summary>
public static class Ffmpeg
{
    /// <summary>A generated clip (testsrc2 + sine), made once and kept in the bench folder.</summary>
    public static async Task<string> ClipAsync(string folder, string name, string size, double seconds, string[] codec, string? filter = null)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(folder);
            var partial = path + ".partial.mp4";
            await Cli.Wrap("ffmpeg").WithArguments(
            [
                "-hide_banner", "-y", "-v", "error",
                "-f", "lavfi", "-i", $"testsrc2=size={size}:rate=25:duration={seconds}",
                "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={seconds}",
                .. filter is null ? Array.Empty<string>() : ["-vf", filter],
                .. codec, "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-shortest", partial,
            ]).WithStandardErrorPipe(PipeTarget.Null).ExecuteBoundAsync();
            File.Move(partial, path);
        }

        return path;
    }
}
