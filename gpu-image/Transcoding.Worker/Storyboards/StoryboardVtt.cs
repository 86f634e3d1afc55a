using System.Globalization;
using System.Text;

namespace Transcoding.Worker.Storyboards;

/// <summary>
/// A storyboard as WebVTT (W3C WebVTT; the thumbnail-track convention of video.js, Vidstack and Plyr): <c>WEBVTT</c>,
/// then one cue per tile, <c>00:00:05.000 --&gt; 00:00:10.000</c> and the sprite's URL with a media fragment
/// <c>#xywh=x,y,w,h</c> (pixels, W3C Media Fragments URI 1.0) naming the tile. Cues run back to back from 0 to the
/// duration.
/// </summary>
public static class StoryboardVtt
{
    /// <param name="imageUri">The sprite as the VTT refers to it: relative to the VTT's own URL (both sit side by side).</param>
    public static string Write(StoryboardPlan plan, string imageUri)
    {
        var text = new StringBuilder("WEBVTT\n");
        var intervalMilliseconds = plan.IntervalSeconds * 1000L;
        for (var tile = 0; tile < plan.TileCount; tile++)
        {
            var start = tile * intervalMilliseconds;
            var end = Math.Min(start + intervalMilliseconds, plan.DurationMilliseconds);
            var x = tile % plan.Columns * plan.TileWidth;
            var y = tile / plan.Columns * plan.TileHeight;
            text.Append(CultureInfo.InvariantCulture, $"\n{Timestamp(start)} --> {Timestamp(end)}\n{imageUri}#xywh={x},{y},{plan.TileWidth},{plan.TileHeight}\n");
        }

        return text.ToString();
    }

    /// <summary><c>hh:mm:ss.ttt</c>; hours run past 99 if they must.</summary>
    private static string Timestamp(long milliseconds) => string.Create(
        CultureInfo.InvariantCulture,
        $"{milliseconds / 3_600_000:00}:{milliseconds / 60_000 % 60:00}:{milliseconds / 1000 % 60:00}.{milliseconds % 1000:000}");
}
