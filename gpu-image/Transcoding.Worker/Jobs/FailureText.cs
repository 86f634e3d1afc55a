using System.Text.RegularExpressions;

namespace Transcoding.Worker.Jobs;

/// <summary>
/// Tool output (ffmpeg/ffprobe stderr, exception text) made fit for a failure reason: the same input gives the same
/// text on every run and machine, so reasons can be compared, grouped and asserted on.
/// </summary>
public static partial class FailureText
{
    /// <summary>Longest text kept, in characters; longer text is cut and ends with "…".</summary>
    public const int MaxLength = 300;

    /// <summary>
    /// Strips ffmpeg's per-run context pointers (<c>[mov,mp4 @ 0x55d0c8e0a2c0]</c> becomes <c>[mov,mp4]</c>), the job's
    /// work folder (<c>/tmp/work/job-1/source</c> becomes <c>source</c>) and folders of any other absolute path (only
    /// the file name is kept), collapses whitespace and caps the length at <see cref="MaxLength"/>.
    /// </summary>
    public static string From(string text, string workDirectory)
    {
        var folder = workDirectory.TrimEnd('/') + "/";
        var stable = Pointer().Replace(text.Replace(folder, "", StringComparison.Ordinal), "");
        stable = AbsolutePath().Replace(stable, match => match.Groups["name"].Value);
        stable = Whitespace().Replace(stable, " ").Trim();
        return stable.Length <= MaxLength ? stable : stable[..(MaxLength - 1)].TrimEnd() + "…";
    }

    [GeneratedRegex(@" ?@ 0x[0-9a-fA-F]+")]
    private static partial Regex Pointer();

    /// <summary>A path from the root at the start of a word or quoted: the folders say where it ran, not why it failed.</summary>
    [GeneratedRegex(@"(?<=^|[\s'""(\[=])/(?:[^\s'""/:]+/)+(?<name>[^\s'""/:]*)")]
    private static partial Regex AbsolutePath();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
