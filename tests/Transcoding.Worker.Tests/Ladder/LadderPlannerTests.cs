using Transcoding.Worker.Ladder;
using Transcoding.Worker.Probing;

namespace Transcoding.Worker.Tests.Ladder;

public class LadderPlannerTests
{
    private static readonly LadderPlanner Planner = new(LadderRung.Defaults);

    private static string Plan(LadderPlanner planner, int width, int height, int rotation = 0, double sar = 1) =>
        string.Join(' ', planner.Plan(new VideoStreamInfo(0, "h264", width, height, rotation, sar, 30)).Select(r => $"{r.Name}:{r.Width}x{r.Height}@{r.VideoBitrateKbps}"));

    [Theory]
    [InlineData(1920, 1080, "1080p:1920x1080@5000 720p:1280x720@2500 480p:854x480@1000 360p:640x360@600")]
    [InlineData(3840, 2160, "1080p:1920x1080@5000 720p:1280x720@2500 480p:854x480@1000 360p:640x360@600")]
    [InlineData(1280, 720, "720p:1280x720@2500 480p:854x480@1000 360p:640x360@600")]
    [InlineData(1920, 800, "720p:1728x720@2500 480p:1152x480@1000 360p:864x360@600")]
    [InlineData(640, 480, "480p:640x480@1000 360p:480x360@600")]
    [InlineData(640, 360, "360p:640x360@600")]
    [InlineData(320, 240, "240p:320x240@600")]
    [InlineData(321, 179, "178p:320x178@600")]
    public void When_a_landscape_source_is_planned_no_rung_is_larger_than_it(int width, int height, string expected)
    {
        Assert.Equal(expected, Plan(Planner, width, height));
    }

    [Theory]
    [InlineData(1080, 1920, 0, "1080p:1080x1920@5000 720p:720x1280@2500 480p:480x854@1000 360p:360x640@600")]
    [InlineData(1920, 1080, 90, "1080p:1080x1920@5000 720p:720x1280@2500 480p:480x854@1000 360p:360x640@600")]
    [InlineData(1280, 720, 270, "720p:720x1280@2500 480p:480x854@1000 360p:360x640@600")]
    [InlineData(1280, 720, 180, "720p:1280x720@2500 480p:854x480@1000 360p:640x360@600")]
    public void When_a_source_is_portrait_or_rotated_rungs_follow_the_display_orientation(int width, int height, int rotation, string expected)
    {
        Assert.Equal(expected, Plan(Planner, width, height, rotation));
    }

    [Theory]
    [InlineData(720, 576, 16.0 / 15, 0, "480p:640x480@1000 360p:480x360@600")]
    [InlineData(720, 480, 32.0 / 27, 0, "480p:852x480@1000 360p:640x360@600")]
    [InlineData(1440, 1080, 4.0 / 3, 90, "1080p:1080x1920@5000 720p:720x1280@2500 480p:480x854@1000 360p:360x640@600")]
    public void When_pixels_are_not_square_the_display_aspect_ratio_is_kept(int width, int height, double sar, int rotation, string expected)
    {
        Assert.Equal(expected, Plan(Planner, width, height, rotation, sar));
    }

    [Theory]
    [InlineData(1920, 1080, "hi:1600x900@3000 lo:800x450@800")]
    [InlineData(1000, 562, "lo:800x450@800")]
    [InlineData(400, 226, "226p:400x226@800")]
    public void When_the_ladder_is_configured_it_replaces_the_default(int width, int height, string expected)
    {
        var planner = new LadderPlanner(
        [
            new LadderRung { Name = "lo", ShortSide = 450, VideoBitrateKbps = 800 },
            new LadderRung { Name = "hi", ShortSide = 900, VideoBitrateKbps = 3000 },
        ]);

        Assert.Equal(expected, Plan(planner, width, height));
    }

    [Theory]
    [InlineData(1921, 1081)]
    [InlineData(1279, 719)]
    [InlineData(1279, 720)]
    [InlineData(719, 1279)]
    [InlineData(853, 479)]
    [InlineData(101, 57)]
    [InlineData(2, 2)]
    public void When_a_source_has_odd_dimensions_every_rung_is_even(int width, int height)
    {
        Assert.All(Planner.Plan(new VideoStreamInfo(0, "h264", width, height, 0, 1, 30)), rung =>
        {
            Assert.Equal(0, rung.Width % 2);
            Assert.Equal(0, rung.Height % 2);
            Assert.True(rung.Width <= width && rung.Height <= height);
        });
    }
}
