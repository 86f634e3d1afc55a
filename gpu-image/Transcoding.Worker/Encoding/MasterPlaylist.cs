using System.Globalization;
using System.Text;

namespace Transcoding.Worker.Encoding;

/// <summary>
/// ffmpeg 5.1 writes <c>BANDWIDTH</c>, <c>RESOLUTION</c> and <c>CODECS</c> into the master playlist but not
/// <c>AVERAGE-BANDWIDTH</c> or <c>FRAME-RATE</c>, which players use to pick a rung; they are added here.
/// </summary>
public static class MasterPlaylist
{
    private const string StreamInf = "#EXT-X-STREAM-INF:";

    /// <param name="master">ffmpeg's master playlist.</param>
    /// <param name="measure">Bytes and seconds of a variant's segments, by its URI relative to the master.</param>
    /// <param name="framesPerSecond">The video frame rate, null for audio-only.</param>
    public static string Complete(string master, Func<string, VariantSize> measure, double? framesPerSecond)
    {
        var lines = master.Replace("\r\n", "\n").Split('\n');
        var result = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith(StreamInf, StringComparison.Ordinal) && NextUri(lines, i) is { } uri)
            {
                if (!line.Contains("AVERAGE-BANDWIDTH=", StringComparison.Ordinal) && measure(uri) is { Seconds: > 0 } size)
                {
                    line += ",AVERAGE-BANDWIDTH=" + ((long)Math.Ceiling(size.Bytes * 8 / size.Seconds)).ToString(CultureInfo.InvariantCulture);
                }

                if (framesPerSecond is > 0 && line.Contains("RESOLUTION=", StringComparison.Ordinal) && !line.Contains("FRAME-RATE=", StringComparison.Ordinal))
                {
                    line += ",FRAME-RATE=" + framesPerSecond.Value.ToString("0.000", CultureInfo.InvariantCulture);
                }
            }

            result.Append(line);
            if (i < lines.Length - 1)
            {
                result.Append('\n');
            }
        }

        return result.ToString();
    }

    /// <summary>Rewrites <c>master.m3u8</c> in <paramref name="hlsDirectory"/>, measuring each variant's segments on disk.</summary>
    public static async Task CompleteFileAsync(string hlsDirectory, double? framesPerSecond, CancellationToken cancellationToken)
    {
        var path = Path.Combine(hlsDirectory, HlsEncodeRequest.MasterPlaylistName);
        var master = await File.ReadAllTextAsync(path, cancellationToken);
        await File.WriteAllTextAsync(path, Complete(master, uri => VariantSize.Measure(Path.Combine(hlsDirectory, uri)), framesPerSecond), cancellationToken);
    }

    private static string? NextUri(string[] lines, int index) =>
        lines.Skip(index + 1).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
}
