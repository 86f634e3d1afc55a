using System.Globalization;
using System.Text.RegularExpressions;

namespace Transcoding.Worker.Conditioning;

/// <summary>
/// Reads the summary ffmpeg's <c>idet</c> filter logs when it closes ("Multi frame detection: TFF: 90 BFF: 0
/// Progressive: 0 Undetermined: 0") for sources whose stream does not say they are interlaced, or says progressive
/// over woven fields (a re-encoded capture). The multi-frame counts are used: they smooth single-frame noise.
/// </summary>
public static partial class InterlaceDetection
{
    /// <summary>Fewest interlaced frames that count as evidence; a clip of a few frames stays progressive.</summary>
    private const int MinimumInterlacedFrames = 5;

    /// <summary>
    /// The parity when one field order accounts for at least two thirds of the frames idet decided on, else null.
    /// Woven fields give one parity consistently; progressive pictures with fine horizontal detail fool idet frame by
    /// frame but split between both parities (ffmpeg's testsrc2: TFF 49, BFF 31, progressive 10 of 90), and a still
    /// picture is undecided, where deinterlacing would only soften it.
    /// </summary>
    public static FieldParity? Parse(string idetLog)
    {
        var match = MultiFrame().Match(idetLog);
        if (!match.Success)
        {
            return null;
        }

        var tff = Count("tff");
        var bff = Count("bff");
        var progressive = Count("progressive");
        var dominant = Math.Max(tff, bff);
        if (dominant < MinimumInterlacedFrames || dominant < 2 * (tff + bff + progressive - dominant))
        {
            return null;
        }

        return tff >= bff ? FieldParity.TopFirst : FieldParity.BottomFirst;

        long Count(string group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Multi frame detection:\s*TFF:\s*(?<tff>\d+)\s*BFF:\s*(?<bff>\d+)\s*Progressive:\s*(?<progressive>\d+)")]
    private static partial Regex MultiFrame();
}
