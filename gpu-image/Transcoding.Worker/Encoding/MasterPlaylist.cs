using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Transcoding.Worker.Encoding;

/// <summary>
/// ffmpeg 5.1 writes <c>BANDWIDTH</c>, <c>RESOLUTION</c> and <c>CODECS</c> into the master playlist but not
/// <c>AVERAGE-BANDWIDTH</c> or <c>FRAME-RATE</c>, which players use to pick a rung; they are added here. Its
/// <c>BANDWIDTH</c> is the configured rate plus an allowance, which segments of a capped-CRF encode can exceed; it
/// is raised to the peak segment bit rate actually written (RFC 8216 section 4.3.4.2).
/// </summary>
public static partial class MasterPlaylist
{
    private const string StreamInf = "#EXT-X-STREAM-INF:";

    /// <summary>One <c>#EXT-X-STREAM-INF</c>: its attributes (quoted values unquoted) and the URI on the next line, null if none.</summary>
    public sealed record Variant(IReadOnlyDictionary<string, string> Attributes, string? Uri)
    {
        public long? Bandwidth => Number("BANDWIDTH");

        public long? AverageBandwidth => Number("AVERAGE-BANDWIDTH");

        private long? Number(string name) =>
            Attributes.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The variants of a master playlist, in order.</summary>
    public static IReadOnlyList<Variant> Parse(string master)
    {
        var lines = Lines(master);
        return [.. lines.Select((line, i) => (line, i))
            .Where(x => x.line.StartsWith(StreamInf, StringComparison.Ordinal))
            .Select(x => new Variant(Attributes(x.line[StreamInf.Length..]), NextUri(lines, x.i)))];
    }

    /// <param name="master">ffmpeg's master playlist.</param>
    /// <param name="measure">Bytes, seconds and peak of a variant's segments, by its URI relative to the master.</param>
    /// <param name="framesPerSecond">The video frame rate, null for audio-only.</param>
    public static string Complete(string master, Func<string, VariantSize> measure, double? framesPerSecond)
    {
        var lines = Lines(master);
        var result = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith(StreamInf, StringComparison.Ordinal) && NextUri(lines, i) is { } uri)
            {
                var size = measure(uri);
                var written = new Variant(Attributes(line[StreamInf.Length..]), uri);
                if (written.Bandwidth is { } bandwidth && size.PeakBitsPerSecond > bandwidth)
                {
                    line = BandwidthAttribute().Replace(line, "${1}" + size.PeakBitsPerSecond.ToString(CultureInfo.InvariantCulture), 1);
                }

                // The average of whole segments never exceeds the peak of one, so it stays <= BANDWIDTH.
                if (written.AverageBandwidth is null && size.Seconds > 0)
                {
                    line += ",AVERAGE-BANDWIDTH=" + size.AverageBitsPerSecond.ToString(CultureInfo.InvariantCulture);
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

    private static string[] Lines(string master) => master.Replace("\r\n", "\n").Split('\n');

    private static string? NextUri(string[] lines, int index) =>
        lines.Skip(index + 1).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));

    /// <summary>RFC 8216 section 4.2 attribute lists: NAME=value pairs split on commas outside quoted strings.</summary>
    private static Dictionary<string, string> Attributes(string list) =>
        AttributePair().Matches(list).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim('"'), StringComparer.Ordinal);

    [GeneratedRegex("""(?<name>[A-Z0-9-]+)=(?<value>"[^"]*"|[^,]*)""")]
    private static partial Regex AttributePair();

    [GeneratedRegex("(^#EXT-X-STREAM-INF:(?:.*,)?BANDWIDTH=)[0-9]+")]
    private static partial Regex BandwidthAttribute();
}
