using System.Text.RegularExpressions;
using CliWrap;

namespace Transcoding.Testing;

/// <summary>Real ffmpeg/ffprobe: generates test clips and checks that outputs decode.</summary>
public static partial class Media
{
    public static async Task<string> GenerateClipAsync(string folder, int width, int height, double seconds)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"clip-{width}x{height}.mp4");
        await Cli.Wrap("ffmpeg")
            .WithArguments(["-v", "error", "-y",
                "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=25:duration={seconds}",
                "-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds}",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path])
            .ExecuteBoundBufferedAsync();
        return path;
    }

    /// <summary>Decodes a whole playlist (every segment it lists) and returns ffmpeg's errors, empty when clean.</summary>
    public static async Task<string> DecodeErrorsAsync(string playlist)
    {
        var result = await Cli.Wrap("ffmpeg")
            .WithArguments(["-v", "error", "-i", playlist, "-f", "null", "-"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBoundBufferedAsync();
        return result.ExitCode == 0 ? result.StandardError.Trim() : $"exit {result.ExitCode}: {result.StandardError}";
    }

    public static async Task<int> VideoStreamCountAsync(string playlist)
    {
        var result = await Cli.Wrap("ffprobe")
            .WithArguments(["-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", playlist])
            .ExecuteBoundBufferedAsync();
        return result.StandardOutput.Split('\n').Count(line => line.Trim() == "video");
    }

    /// <summary>The segment files a media playlist lists.</summary>
    public static IEnumerable<string> Segments(string playlist) =>
        File.ReadAllLines(playlist).Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => Path.Combine(Path.GetDirectoryName(playlist)!, line));

    /// <summary>The variant playlists a master playlist lists.</summary>
    public static IEnumerable<string> Variants(string master) => Segments(master);

    [GeneratedRegex("RESOLUTION=(\\d+)x(\\d+)")]
    public static partial Regex Resolution();
}
