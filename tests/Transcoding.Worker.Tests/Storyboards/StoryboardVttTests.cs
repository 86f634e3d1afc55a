using Transcoding.Worker.Ladder;
using Transcoding.Worker.Storyboards;

namespace Transcoding.Worker.Tests.Storyboards;

public class StoryboardVttTests
{
    public static TheoryData<long, int, int, int, int, string> Cues => new()
    {
        // 12 s by 5 s, 10 columns: 3 tiles in one row, the last cue ends at the end.
        {
            12_000, 5, 160, 90, 10,
            "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nstoryboard.jpg#xywh=0,0,160,90\n\n00:00:05.000 --> 00:00:10.000\nstoryboard.jpg#xywh=160,0,160,90\n" +
            "\n00:00:10.000 --> 00:00:12.000\nstoryboard.jpg#xywh=320,0,160,90\n"
        },
        // 5 tiles, 2 columns: rows wrap, x back to 0.
        {
            9_500, 2, 160, 284, 2,
            "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nstoryboard.jpg#xywh=0,0,160,284\n\n00:00:02.000 --> 00:00:04.000\nstoryboard.jpg#xywh=160,0,160,284\n" +
            "\n00:00:04.000 --> 00:00:06.000\nstoryboard.jpg#xywh=0,284,160,284\n\n00:00:06.000 --> 00:00:08.000\nstoryboard.jpg#xywh=160,284,160,284\n" +
            "\n00:00:08.000 --> 00:00:09.500\nstoryboard.jpg#xywh=0,568,160,284\n"
        },
        // Shorter than one interval: one cue for the whole of it.
        { 40, 5, 160, 90, 1, "WEBVTT\n\n00:00:00.000 --> 00:00:00.040\nstoryboard.jpg#xywh=0,0,160,90\n" },
        // Exactly two intervals: no empty third cue.
        { 10_000, 5, 160, 90, 10, "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nstoryboard.jpg#xywh=0,0,160,90\n\n00:00:05.000 --> 00:00:10.000\nstoryboard.jpg#xywh=160,0,160,90\n" },
        // Past an hour: hours counted, minutes and seconds wrap.
        { 3_723_456, 3600, 160, 90, 10, "WEBVTT\n\n00:00:00.000 --> 01:00:00.000\nstoryboard.jpg#xywh=0,0,160,90\n\n01:00:00.000 --> 01:02:03.456\nstoryboard.jpg#xywh=160,0,160,90\n" },
    };

    [Theory]
    [MemberData(nameof(Cues))]
    public void When_a_storyboard_is_written_each_tile_is_a_cue_of_its_interval_pointing_at_its_place_in_the_sprite(
        long durationMilliseconds, int intervalSeconds, int tileWidth, int tileHeight, int columns, string vtt)
    {
        Assert.Equal(vtt, StoryboardVtt.Write(new StoryboardPlan(durationMilliseconds, intervalSeconds, tileWidth, tileHeight, columns), "storyboard.jpg"));
    }

    [Theory]
    [InlineData(12.0, 1920, 1080, 5, 160, 90, 3, 3, 1)]
    [InlineData(7200.0, 1920, 1080, 72, 160, 90, 10, 100, 10)]
    [InlineData(7201.0, 1920, 1080, 73, 160, 90, 10, 99, 10)]
    [InlineData(600.0, 360, 640, 6, 160, 284, 10, 100, 10)]
    [InlineData(3.0, 96, 54, 5, 96, 54, 1, 1, 1)]
    [InlineData(0.04, 320, 180, 5, 160, 90, 1, 1, 1)]
    public void When_a_storyboard_is_planned_tiles_are_bounded_and_keep_the_pictures_aspect(
        double duration, int width, int height, int interval, int tileWidth, int tileHeight, int columns, int tiles, int rows)
    {
        var plan = StoryboardPlan.For(duration, new PlannedRung("top", width, height, 1000), new StoryboardSettings(160, 5, 100, 10))!;

        Assert.Equal((interval, tileWidth, tileHeight, columns, tiles, rows), (plan.IntervalSeconds, plan.TileWidth, plan.TileHeight, plan.Columns, plan.TileCount, plan.Rows));
        Assert.Equal((columns * tileWidth, rows * tileHeight), (plan.SpriteWidth, plan.SpriteHeight));
    }

    [Fact]
    public void When_the_duration_is_unknown_there_is_no_storyboard()
    {
        Assert.Null(StoryboardPlan.For(0, new PlannedRung("top", 640, 360, 1000), new StoryboardSettings(160, 5, 100, 10)));
    }
}
