using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Transcoding.Worker.Tests.Support;

/// <summary>Reads HLS outputs back with ffprobe/ffmpeg, the way a player would see them.</summary>
public static partial class Hls
{
    public sealed record Segment(double Duration, string Uri);

    public static List<Segment> Segments(string playlistPath)
    {
        var segments = new List<Segment>();
        double? duration = null;
        foreach (var line in File.ReadAllLines(playlistPath))
        {
            if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                duration = double.Parse(line["#EXTINF:".Length..].TrimEnd(','), CultureInfo.InvariantCulture);
            }
            else if (duration is { } value && line.Length > 0 && !line.StartsWith('#'))
            {
                segments.Add(new Segment(value, line));
                duration = null;
            }
        }

        return segments;
    }

    /// <summary>Fails the test unless ffmpeg decodes the whole file without a single error.</summary>
    public static async Task AssertDecodesAsync(string path)
    {
        var result = await Tool.RunAsync("ffmpeg", ["-v", "error", "-nostdin", "-i", path, "-f", "null", "-"]);
        Assert.True(result.ExitCode == 0 && result.StandardError.Length == 0, $"{path} does not decode cleanly: {result.StandardError}");
    }

    public static async Task<(double PtsTime, bool Key)> FirstVideoPacketAsync(string segmentPath)
    {
        using var json = JsonDocument.Parse(await Tool.OutputAsync("ffprobe",
            "-v", "error", "-select_streams", "v:0", "-read_intervals", "%+#1", "-show_entries", "packet=pts_time,flags", "-of", "json", segmentPath));
        var packet = json.RootElement.GetProperty("packets")[0];
        return (double.Parse(packet.GetProperty("pts_time").GetString()!, CultureInfo.InvariantCulture), packet.GetProperty("flags").GetString()!.StartsWith('K'));
    }

    public static async Task<(int Width, int Height)> VideoSizeAsync(string path)
    {
        using var json = JsonDocument.Parse(await Tool.OutputAsync("ffprobe",
            "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "json", path));
        var stream = json.RootElement.GetProperty("streams")[0];
        return (stream.GetProperty("width").GetInt32(), stream.GetProperty("height").GetInt32());
    }

    public static async Task<List<string>> StreamTypesAsync(string path)
    {
        using var json = JsonDocument.Parse(await Tool.OutputAsync("ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "json", path));
        return [.. json.RootElement.GetProperty("streams").EnumerateArray().Select(s => s.GetProperty("codec_type").GetString()!)];
    }

    public static async Task<double> DurationAsync(string path)
    {
        var text = await Tool.OutputAsync("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path);
        return double.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// One stream's duration in seconds by its specifier (<c>v:0</c>, <c>a:0</c>), measured from its packets: from the
    /// start of the file (or playlist) to the end of the stream's last packet.
    /// </summary>
    public static async Task<double> StreamDurationAsync(string path, string stream) =>
        (await Measure.PacketsAsync(path, stream)).Max(p => p.Pts + p.Duration) - await StartAsync(path);

    private static async Task<double> StartAsync(string path)
    {
        var text = await Tool.OutputAsync("ffprobe", "-v", "error", "-show_entries", "format=start_time", "-of", "csv=p=0", path);
        return double.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// ffprobe's fields of the first stream matching <paramref name="selector"/> (<c>v:0</c>, <c>a:0</c>) as text:
    /// <c>codec_name</c>, <c>pix_fmt</c>, <c>color_transfer</c>, <c>r_frame_rate</c>, <c>channels</c>... A field ffprobe
    /// leaves out (an unknown colour tag) is absent.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> StreamAsync(string path, string selector)
    {
        using var json = JsonDocument.Parse(await Tool.OutputAsync("ffprobe", "-v", "error", "-select_streams", selector, "-show_streams", "-of", "json", path));
        var streams = json.RootElement.GetProperty("streams");
        Assert.True(streams.GetArrayLength() > 0, $"{path} has no stream {selector}");
        return streams[0].EnumerateObject()
            .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
    }
}
