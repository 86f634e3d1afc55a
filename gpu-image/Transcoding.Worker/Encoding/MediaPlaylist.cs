using System.Globalization;
using System.Text;
using Transcoding.Shared.Storage;

namespace Transcoding.Worker.Encoding;

/// <summary>
/// A variant (media) playlist as written: its <c>#EXT-X-TARGETDURATION</c>, its segments in order and whether it ends
/// with <c>#EXT-X-ENDLIST</c>. Parsing is lenient (a missing tag is left null or false) so the validator can name
/// what is wrong instead of throwing; <see cref="Problems"/> lists the RFC 8216 section 4.3 shape rules it broke.
/// </summary>
public sealed record MediaPlaylist(int? TargetDuration, IReadOnlyList<MediaPlaylist.Segment> Segments, bool EndList, IReadOnlyList<string> Problems)
{
    private const string TargetDurationTag = "#EXT-X-TARGETDURATION:";
    private const string ExtInf = "#EXTINF:";

    /// <summary>One segment: its <c>#EXTINF</c> duration in seconds and its URI relative to the playlist.</summary>
    public sealed record Segment(double Seconds, string Uri);

    public double TotalSeconds => Segments.Sum(s => s.Seconds);

    /// <summary>
    /// RFC 8216 section 4.3.3.1: every EXTINF rounded to the nearest integer must be at most TARGETDURATION, and a
    /// target duration is a positive integer, so at least 1. Midpoints round up (3.5 s needs 4), as players do.
    /// </summary>
    public static int RequiredTargetDuration(IEnumerable<double> segmentSeconds) =>
        Math.Max(1, segmentSeconds.Select(s => (int)Math.Round(s, MidpointRounding.AwayFromZero)).DefaultIfEmpty(0).Max());

    public static MediaPlaylist Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).ToList();
        var problems = new List<string>();
        if (lines.FirstOrDefault() != "#EXTM3U")
        {
            problems.Add("does not start with #EXTM3U");
        }

        int? target = null;
        var segments = new List<Segment>();
        double? pending = null;
        foreach (var line in lines)
        {
            if (line.StartsWith(TargetDurationTag, StringComparison.Ordinal))
            {
                target = int.TryParse(line[TargetDurationTag.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
            }
            else if (line.StartsWith(ExtInf, StringComparison.Ordinal))
            {
                pending = double.TryParse(line[ExtInf.Length..].Split(',')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
                if (pending is null)
                {
                    problems.Add($"unreadable {line}");
                }
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                if (pending is null)
                {
                    problems.Add($"segment {line} has no #EXTINF");
                }

                segments.Add(new Segment(pending ?? 0, line));
                pending = null;
            }
        }

        if (target is null)
        {
            problems.Add("has no #EXT-X-TARGETDURATION");
        }

        var endList = lines.Contains("#EXT-X-ENDLIST");
        if (!endList)
        {
            problems.Add("has no #EXT-X-ENDLIST (VOD)");
        }

        return new MediaPlaylist(target, segments, endList, problems);
    }

    /// <summary>
    /// ffmpeg 5.1 truncates the longest segment to get TARGETDURATION (0.5 s gives 0, 3.5 s gives 3); this sets it to
    /// <see cref="RequiredTargetDuration"/> and leaves every other line as it was.
    /// </summary>
    public static string CorrectTargetDuration(string text)
    {
        var required = RequiredTargetDuration(Parse(text).Segments.Select(s => s.Seconds)).ToString(CultureInfo.InvariantCulture);
        var lines = text.Split('\n');
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            result.Append(lines[i].StartsWith(TargetDurationTag, StringComparison.Ordinal) ? TargetDurationTag + required : lines[i]);
            if (i < lines.Length - 1)
            {
                result.Append('\n');
            }
        }

        return result.ToString();
    }

    /// <summary>Rewrites every variant playlist under <paramref name="hlsDirectory"/> (<c>{variant}/index.m3u8</c>).</summary>
    public static async Task CorrectFilesAsync(string hlsDirectory, CancellationToken cancellationToken)
    {
        foreach (var path in Directory.EnumerateFiles(hlsDirectory, MediaKeys.PlaylistName, SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            await File.WriteAllTextAsync(path, CorrectTargetDuration(text), cancellationToken);
        }
    }
}
