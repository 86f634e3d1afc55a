using System.Globalization;
using System.Text.RegularExpressions;
using Transcoding.Shared.Storage;

namespace Transcoding.Worker.Encoding;

/// <summary>
/// ffmpeg 5.1 writes <c>BANDWIDTH</c>, <c>RESOLUTION</c> and <c>CODECS</c> into the master playlist but not
/// <c>AVERAGE-BANDWIDTH</c> or <c>FRAME-RATE</c>, which players use to pick a rung; they are added here. Its
/// <c>BANDWIDTH</c> is the configured rate plus an allowance, which segments of a capped-CRF encode can exceed; it
/// is raised to the peak segment bit rate actually written (RFC 8216 section 4.3.4.2). For an audio group it writes
/// <c>NAME="audio_N"</c>, no <c>AUTOSELECT</c>, and lists every audio-only stream as a variant of its own; the
/// <c>EXT-X-MEDIA</c> tags are rewritten from the <see cref="AudioRendition"/>s and only the default's variant is kept.
/// </summary>
public static partial class MasterPlaylist
{
    private const string StreamInf = "#EXT-X-STREAM-INF:";
    private const string MediaTag = "#EXT-X-MEDIA:";

    /// <summary>One <c>#EXT-X-STREAM-INF</c>: its attributes (quoted values unquoted) and the URI on the next line, null if none.</summary>
    public sealed record Variant(IReadOnlyDictionary<string, string> Attributes, string? Uri)
    {
        public long? Bandwidth => Number("BANDWIDTH");

        public long? AverageBandwidth => Number("AVERAGE-BANDWIDTH");

        private long? Number(string name) =>
            Attributes.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>One <c>#EXT-X-MEDIA</c> (RFC 8216 section 4.3.4.1): its attributes, quoted values unquoted.</summary>
    public sealed record Media(IReadOnlyDictionary<string, string> Attributes)
    {
        public string? Type => Attributes.GetValueOrDefault("TYPE");

        public string? GroupId => Attributes.GetValueOrDefault("GROUP-ID");

        public string? Uri => Attributes.GetValueOrDefault("URI");

        public bool IsDefault => Attributes.GetValueOrDefault("DEFAULT") == "YES";
    }

    /// <summary>The variants of a master playlist, in order.</summary>
    public static IReadOnlyList<Variant> Parse(string master)
    {
        var lines = Lines(master);
        return [.. lines.Select((line, i) => (line, i))
            .Where(x => x.line.StartsWith(StreamInf, StringComparison.Ordinal))
            .Select(x => new Variant(Attributes(x.line[StreamInf.Length..]), NextUri(lines, x.i)))];
    }

    /// <summary>The <c>#EXT-X-MEDIA</c> renditions of a master playlist, in order.</summary>
    public static IReadOnlyList<Media> ParseMedia(string master) =>
        [.. Lines(master).Where(line => line.StartsWith(MediaTag, StringComparison.Ordinal)).Select(line => new Media(Attributes(line[MediaTag.Length..])))];

    /// <summary>The audio renditions <paramref name="variant"/> plays with (its <c>AUDIO</c> group), none without one.</summary>
    public static IReadOnlyList<Media> AudioGroup(Variant variant, IReadOnlyList<Media> media) =>
        variant.Attributes.TryGetValue("AUDIO", out var group) ? [.. media.Where(m => m.Type == "AUDIO" && m.GroupId == group)] : [];

    /// <summary>
    /// RFC 8216 section 4.3.4.2: BANDWIDTH is the largest sum of peak segment bit rates of any playable combination of
    /// renditions, AVERAGE-BANDWIDTH the largest sum of averages. A variant with an audio group plays its own segments
    /// and one of the group's renditions, so its own plus the largest; one that is itself in the group (audio-only)
    /// plays one rendition at a time, so the largest. <paramref name="measure"/> takes a URI relative to the master.
    /// </summary>
    public static BitRates Played(Variant variant, IReadOnlyList<Media> media, Func<string, VariantSize> measure)
    {
        var group = AudioGroup(variant, media).Select(m => m.Uri).OfType<string>().ToList();
        var own = variant.Uri is null || group.Contains(variant.Uri) ? new BitRates(0, 0) : BitRates.Of(measure(variant.Uri));
        var audio = group.Select(uri => BitRates.Of(measure(uri))).ToList();
        return new BitRates(own.Peak + audio.Select(a => a.Peak).DefaultIfEmpty().Max(), own.Average + audio.Select(a => a.Average).DefaultIfEmpty().Max());
    }

    /// <param name="master">ffmpeg's master playlist.</param>
    /// <param name="measure">Bytes, seconds and peak of a variant's segments, by its URI relative to the master.</param>
    /// <param name="framesPerSecond">The video frame rate, null for audio-only.</param>
    /// <param name="audio">The audio renditions; those in an <c>EXT-X-MEDIA</c> group are matched by URI, <c>{Name}/index.m3u8</c>.</param>
    public static string Complete(string master, Func<string, VariantSize> measure, double? framesPerSecond, IReadOnlyList<AudioRendition>? audio = null)
    {
        var lines = Lines(master);
        var media = ParseMedia(master);
        var byUri = (audio ?? []).ToDictionary(a => $"{a.Name}/{MediaKeys.PlaylistName}", StringComparer.Ordinal);
        var result = new List<string>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith(MediaTag, StringComparison.Ordinal) && new Media(Attributes(line[MediaTag.Length..])) is { Type: "AUDIO", Uri: { } mediaUri } written
                && byUri.TryGetValue(mediaUri, out var rendition))
            {
                line = AudioMediaLine(written, rendition);
            }
            else if (line.StartsWith(StreamInf, StringComparison.Ordinal) && NextUri(lines, i) is { } uri)
            {
                var variant = new Variant(Attributes(line[StreamInf.Length..]), uri);

                // An alternate track of an audio-only source is chosen by language, never by bandwidth.
                if (byUri.TryGetValue(uri, out var alternate) && !alternate.IsDefault)
                {
                    i = NextUriIndex(lines, i);
                    continue;
                }

                var played = Played(variant, media, measure);
                if (variant.Bandwidth is { } bandwidth && played.Peak > bandwidth)
                {
                    line = BandwidthAttribute().Replace(line, "${1}" + played.Peak.ToString(CultureInfo.InvariantCulture), 1);
                }

                // The average of whole segments never exceeds the peak of one, so it stays <= BANDWIDTH.
                if (variant.AverageBandwidth is null && played.Average > 0)
                {
                    line += ",AVERAGE-BANDWIDTH=" + played.Average.ToString(CultureInfo.InvariantCulture);
                }

                if (framesPerSecond is > 0 && line.Contains("RESOLUTION=", StringComparison.Ordinal) && !line.Contains("FRAME-RATE=", StringComparison.Ordinal))
                {
                    line += ",FRAME-RATE=" + framesPerSecond.Value.ToString("0.000", CultureInfo.InvariantCulture);
                }
            }

            result.Add(line);
        }

        return string.Join('\n', result);
    }

    /// <summary>Rewrites <c>master.m3u8</c> in <paramref name="hlsDirectory"/>, measuring each variant's segments on disk.</summary>
    public static async Task CompleteFileAsync(string hlsDirectory, double? framesPerSecond, IReadOnlyList<AudioRendition> audio, CancellationToken cancellationToken)
    {
        var path = Path.Combine(hlsDirectory, MediaKeys.MasterPlaylistName);
        var master = await File.ReadAllTextAsync(path, cancellationToken);
        await File.WriteAllTextAsync(path, Complete(master, uri => VariantSize.Measure(Path.Combine(hlsDirectory, uri)), framesPerSecond, audio), cancellationToken);
    }

    /// <summary>
    /// RFC 8216 section 4.3.4.1, keeping ffmpeg's <c>GROUP-ID</c> and <c>URI</c>. <c>AUTOSELECT=YES</c> on every track lets
    /// a player pick the one in the viewer's language; <c>CHANNELS</c> is the count every track is encoded to.
    /// </summary>
    private static string AudioMediaLine(Media written, AudioRendition rendition)
    {
        var language = rendition.Language is null ? "" : $",LANGUAGE=\"{rendition.Language}\"";
        return $"{MediaTag}TYPE=AUDIO,GROUP-ID=\"{written.GroupId}\",NAME=\"{rendition.Label}\"{language},DEFAULT={(rendition.IsDefault ? "YES" : "NO")},AUTOSELECT=YES," +
            $"CHANNELS=\"{AudioRendition.Channels}\",URI=\"{written.Uri}\"";
    }

    private static string[] Lines(string master) => master.Replace("\r\n", "\n").Split('\n');

    private static string? NextUri(string[] lines, int index) => NextUriIndex(lines, index) is var next and >= 0 ? lines[next].Trim() : null;

    /// <summary>The line after <paramref name="index"/> that is a URI (neither blank nor a tag), -1 if none.</summary>
    private static int NextUriIndex(string[] lines, int index) =>
        Array.FindIndex(lines, index + 1, l => l.Trim() is { Length: > 0 } trimmed && !trimmed.StartsWith('#'));

    /// <summary>RFC 8216 section 4.2 attribute lists: NAME=value pairs split on commas outside quoted strings.</summary>
    private static Dictionary<string, string> Attributes(string list) =>
        AttributePair().Matches(list).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim('"'), StringComparer.Ordinal);

    [GeneratedRegex("""(?<name>[A-Z0-9-]+)=(?<value>"[^"]*"|[^,]*)""")]
    private static partial Regex AttributePair();

    [GeneratedRegex("(^#EXT-X-STREAM-INF:(?:.*,)?BANDWIDTH=)[0-9]+")]
    private static partial Regex BandwidthAttribute();
}
