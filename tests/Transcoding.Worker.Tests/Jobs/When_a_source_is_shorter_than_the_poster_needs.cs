using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Jobs;

/// <summary>
/// The poster comes from the decode the ladder uses: it must still come out when the source has fewer frames than
/// <c>thumbnail</c> compares (0.5 s: 15 frames), and when a tenth of the duration lies past the last frame (one frame:
/// the first frame, written first as a placeholder, stays). The storyboard is then one tile for the whole duration.
/// </summary>
public sealed class When_a_source_is_shorter_than_the_poster_needs
{
    public static TheoryData<string> Sources => new() { "half-second", "one-frame" };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task The_poster_and_a_one_tile_storyboard_still_come_out(string source)
    {
        await using var harness = await WorkerHarness.StartAsync(settings: new Dictionary<string, string?> { ["Worker:Encoder"] = "libx264" });

        var (mediaId, result) = await harness.RunAsync(source == "one-frame" ? await Clips.OneFrame : await Clips.ShortClip(0.5));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal($"media/{mediaId:D}/poster.jpg", result.Outputs!.PosterKey);
        Assert.Equal((320, 180), await Hls.VideoSizeAsync(harness.OutputPath(mediaId, "poster.jpg")));
        Assert.Equal([0xFF, 0xD8], File.ReadAllBytes(harness.OutputPath(mediaId, "poster.jpg"))[..2]);
        Assert.Equal(1, result.Outputs.Storyboard!.TileCount);
        Assert.Equal((160, 90), await Hls.VideoSizeAsync(harness.OutputPath(mediaId, "storyboard.jpg")));
        Assert.EndsWith(
            $" --> 00:00:0{result.Outputs.DurationSeconds:0.000}\nstoryboard.jpg#xywh=0,0,160,90\n",
            File.ReadAllText(harness.OutputPath(mediaId, "storyboard.vtt")));
    }
}
