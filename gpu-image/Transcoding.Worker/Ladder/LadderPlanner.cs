using Transcoding.Worker.Probing;

namespace Transcoding.Worker.Ladder;

/// <summary>
/// Picks the rungs for a source: never upscales, keeps the display aspect ratio (rotation and pixel aspect applied)
/// and gives even dimensions, as 4:2:0 encoders need.
/// </summary>
public sealed class LadderPlanner(IReadOnlyList<LadderRung> ladder)
{
    public IReadOnlyList<PlannedRung> Plan(VideoStreamInfo video)
    {
        var displayWidth = video.DisplayWidth;
        var displayHeight = video.DisplayHeight;
        var portrait = displayHeight > displayWidth;
        var shortSide = Math.Min(displayWidth, displayHeight);
        var longSide = Math.Max(displayWidth, displayHeight);

        var fitting = ladder
            .Where(rung => rung.ShortSide <= shortSide)
            .OrderByDescending(rung => rung.ShortSide)
            .Select(rung => Size(rung.Name, rung.ShortSide, rung.VideoBitrateKbps))
            .ToList();
        if (fitting.Count > 0)
        {
            return fitting;
        }

        // Smaller than every rung: one rendition at the source's own size (rounded down to even, so never larger),
        // at the smallest rung's bitrate.
        var smallest = ladder.MinBy(rung => rung.ShortSide)
            ?? throw new InvalidOperationException("The ladder has no rungs.");
        var ownShort = EvenDown(shortSide);
        var ownLong = EvenDown(longSide);
        return [Oriented($"{ownShort}p", ownShort, ownLong, smallest.VideoBitrateKbps)];

        PlannedRung Size(string name, double rungShortSide, int bitrate) =>
            Oriented(name, Even(rungShortSide), Math.Min(Even(longSide * rungShortSide / shortSide), EvenDown(longSide)), bitrate);

        PlannedRung Oriented(string name, int outShort, int outLong, int bitrate) => portrait
            ? new PlannedRung(name, outShort, outLong, bitrate)
            : new PlannedRung(name, outLong, outShort, bitrate);
    }

    private static int EvenDown(double value) => Math.Max(2, (int)(value / 2) * 2);

    private static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2, MidpointRounding.AwayFromZero) * 2);
}
