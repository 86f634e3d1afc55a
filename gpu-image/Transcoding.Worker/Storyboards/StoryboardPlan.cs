using Transcoding.Worker.Ladder;

namespace Transcoding.Worker.Storyboards;

/// <summary>
/// One video's storyboard: a tile every <see cref="IntervalSeconds"/> from 0 over <see cref="DurationMilliseconds"/>,
/// each <see cref="TileWidth"/> x <see cref="TileHeight"/> pixels, laid out <see cref="Columns"/> to a row, left to right
/// then top to bottom. Tile n shows the picture at n x interval and stands for the time up to the next one (the
/// last: up to the end).
/// </summary>
public sealed record StoryboardPlan(long DurationMilliseconds, int IntervalSeconds, int TileWidth, int TileHeight, int Columns)
{
    /// <summary>One tile per started interval: ceil(duration / interval), at least 1.</summary>
    public int TileCount => (int)Math.Max(1, (DurationMilliseconds + IntervalSeconds * 1000L - 1) / (IntervalSeconds * 1000L));

    public int Rows => (TileCount + Columns - 1) / Columns;

    /// <summary>The sprite's size in pixels: whole rows, so a short last row leaves blank tiles at its end.</summary>
    public int SpriteWidth => Columns * TileWidth;

    public int SpriteHeight => Rows * TileHeight;

    /// <summary>
    /// The plan for a video of <paramref name="durationSeconds"/> whose pictures are <paramref name="top"/>'s size
    /// (the top rung: display orientation, square pixels); null when the duration is unknown (0). The interval is whole
    /// seconds, at least the configured one and long enough for at most <see cref="StoryboardSettings.MaxTiles"/> tiles;
    /// tiles keep the picture's aspect at even sizes and are never wider than it; a video of fewer tiles than a row has
    /// a one-row sprite of just those.
    /// </summary>
    public static StoryboardPlan? For(double durationSeconds, PlannedRung top, StoryboardSettings settings)
    {
        var milliseconds = (long)Math.Round(durationSeconds * 1000);
        if (milliseconds <= 0)
        {
            return null;
        }

        var maxTilesPeriod = (milliseconds + settings.MaxTiles * 1000L - 1) / (settings.MaxTiles * 1000L);
        var interval = (int)Math.Max(settings.MinIntervalSeconds, maxTilesPeriod);
        var width = Even(Math.Min(settings.TileWidth, top.Width));
        var height = Even((double)width * top.Height / top.Width);
        var plan = new StoryboardPlan(milliseconds, interval, width, height, settings.Columns);
        return plan with { Columns = Math.Min(settings.Columns, plan.TileCount) };
    }

    private static int Even(double pixels) => Math.Max(2, (int)Math.Round(pixels / 2) * 2);
}
