using System.Globalization;
using System.Text.RegularExpressions;

namespace Transcoding.Benchmarks;

/// <summary>The summary ffmpeg's <c>ssim</c> filter logs at info level on stderr when it ends.</summary>
public static partial class SsimLog
{
    /// <summary>
    /// The <c>All:</c> value (luma and chroma weighted by plane size, 0-1) of the last summary line, e.g.
    /// <c>[Parsed_ssim_4 @ 0x55d0] SSIM Y:0.995012 (23.019) U:0.998 (27.0) V:0.998 (27.1) All:0.996 (24.0)</c>.
    /// </summary>
    /// <exception cref="FormatException">No summary line (the filter saw no frame pair, or ran below info level).</exception>
    public static double All(string stderr)
    {
        var summary = Summary().Matches(stderr).LastOrDefault()
            ?? throw new FormatException("No ssim summary line in ffmpeg's output.");
        return double.Parse(summary.Groups["all"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"SSIM Y:[0-9.]+ .* All:(?<all>[0-9]+\.?[0-9]*)")]
    private static partial Regex Summary();
}
