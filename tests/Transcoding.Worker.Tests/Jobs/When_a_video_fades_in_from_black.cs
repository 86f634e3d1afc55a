using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Jobs;

/// <summary>
/// The poster is a picture from a tenth of the way in (past a fade from black), not the placeholder the picture
/// output starts with: the image muxer's constant frame rate repeated the placeholder to fill the time up to the real
/// poster, that repeat was the second and last frame allowed, and every poster came out as the first frame (a black
/// poster for every video that fades in; found by a newcomer's run of <c>make run</c>).
/// </summary>
public sealed class When_a_video_fades_in_from_black
{
    [Fact]
    public async Task The_poster_shows_the_picture_after_the_fade()
    {
        await using var harness = await WorkerHarness.StartAsync(settings: new Dictionary<string, string?> { ["Worker:Encoder"] = "libx264" });
        var source = await Clips.Recipe(
            "fade-in-8s.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=8,fade=in:st=0:d=0.6",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        var opening = await Measure.LumaAsync(await Clips.Recipe("fade-in-8s-first-frame.png", "-i", source, "-frames:v", "1"));

        var (mediaId, result) = await harness.RunAsync(source);

        Assert.True(result.Succeeded, result.Error?.Message);
        var poster = await Measure.LumaAsync(harness.OutputPath(mediaId, "poster.jpg"));
        Assert.True(opening.Average < 20, $"the source opens black: {opening}");
        Assert.True(poster.Average > 60 && poster.Spread > 60, $"poster {poster}: the black opening frame, not the picture after the fade");
    }
}
