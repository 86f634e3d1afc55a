using Transcoding.Worker.Conditioning;
using Transcoding.Worker.Probing;

namespace Transcoding.Worker.Tests.Conditioning;

public class VideoConditioningPlannerTests
{
    private static readonly VideoStreamInfo Progressive = new(0, "h264", 1920, 1080, 0, 1, 30)
    {
        FrameRate = new FrameRate(30, 1),
        FieldOrder = "progressive",
        EndSeconds = 10,
    };

    private static VideoConditioning Plan(VideoStreamInfo video, FieldParity? detected = null, int cap = 60, params AudioStreamInfo[] audio) =>
        VideoConditioningPlanner.Plan(new MediaProbe(video, audio, 10), detected, cap);

    [Theory]
    [InlineData("smpte2084", DynamicRange.Pq)]
    [InlineData("arib-std-b67", DynamicRange.Hlg)]
    [InlineData("bt709", DynamicRange.Sdr)]
    [InlineData("bt2020-10", DynamicRange.Sdr)]
    [InlineData(null, DynamicRange.Sdr)]
    public void When_a_source_is_planned_its_transfer_decides_tone_mapping(string? transfer, DynamicRange range)
    {
        var conditioning = Plan(Progressive with { ColorTransfer = transfer });

        Assert.Equal(range, conditioning.DynamicRange);
        Assert.Equal(range != DynamicRange.Sdr, conditioning.ToneMaps);
    }

    [Theory]
    [InlineData("tt", null, FieldParity.TopFirst)]
    [InlineData("tb", null, FieldParity.TopFirst)]
    [InlineData("bb", null, FieldParity.BottomFirst)]
    [InlineData("bt", null, FieldParity.BottomFirst)]
    [InlineData("bb", FieldParity.TopFirst, FieldParity.BottomFirst)]
    [InlineData("progressive", null, null)]
    [InlineData(null, FieldParity.BottomFirst, FieldParity.BottomFirst)]
    [InlineData(null, null, null)]
    public void When_a_source_is_planned_a_stated_field_order_wins_over_detection(string? fieldOrder, FieldParity? detected, FieldParity? expected)
    {
        Assert.Equal(expected, Plan(Progressive with { FieldOrder = fieldOrder }, detected).Deinterlace);
    }

    [Theory]
    [InlineData("h264", "progressive", false)]
    [InlineData("h264", "tt", false)]
    [InlineData("h264", null, true)]
    [InlineData("mpeg4", null, true)]
    [InlineData("mjpeg", null, true)]
    [InlineData("vp9", null, false)]
    [InlineData("av1", null, false)]
    [InlineData("gif", null, false)]
    public void When_the_stream_does_not_say_how_it_is_scanned_the_pictures_are_inspected_unless_the_codec_is_progressive_only(string codec, string? fieldOrder, bool detect)
    {
        Assert.Equal(detect, VideoConditioningPlanner.NeedsDetection(Progressive with { Codec = codec, FieldOrder = fieldOrder }));
    }

    [Theory]
    [InlineData("30/1", 30, 60, "30")]
    [InlineData("30000/1001", 29.97, 60, "30000/1001")]
    [InlineData("60/1", 39.344, 60, "60")]
    [InlineData("120/1", 120, 60, "60")]
    [InlineData("120000/1001", 119.88, 60, "60000/1001")]
    [InlineData("29011/242", 119.88, 60, "60000/1001")]
    [InlineData("240/1", 240, 60, "60")]
    [InlineData("100/1", 100, 60, "50")]
    [InlineData("144/1", 144, 60, "48")]
    [InlineData("60/1", 60, 30, "30")]
    [InlineData("1000/1", 29.97, 60, "30000/1001")]
    [InlineData("1000/1", 23.5, 60, "47/2")]
    [InlineData(null, 25, 60, "25")]
    [InlineData(null, 0, 60, null)]
    public void When_a_source_is_planned_its_rate_is_written_constant_and_capped_by_dropping_evenly(string? timing, double average, int cap, string? expected)
    {
        var video = Progressive with { FrameRate = FrameRate.Parse(timing), FramesPerSecond = average };

        Assert.Equal(expected, Plan(video, cap: cap).FrameRate?.ToString());
    }

    [Theory]
    [InlineData(2.0, 5.0, 3.0)]
    [InlineData(0.04, 3.0, 2.96)]
    [InlineData(5.0, 5.02, 0)]
    [InlineData(5.0, 3.0, 0)]
    [InlineData(0, 5.0, 0)]
    public void When_audio_runs_past_the_video_the_last_picture_is_held_for_the_difference(double videoEnd, double audioEnd, double hold)
    {
        var conditioning = Plan(Progressive with { EndSeconds = videoEnd }, audio: new AudioStreamInfo(1, "aac", 48000, 2) { EndSeconds = audioEnd });

        Assert.Equal(hold, conditioning.HoldLastSeconds, 3);
    }

    [Fact]
    public void When_several_audio_tracks_end_at_different_times_the_longest_decides_the_hold()
    {
        var conditioning = Plan(
            Progressive with { EndSeconds = 2 },
            audio: [new AudioStreamInfo(1, "aac", 48000, 2) { EndSeconds = 3 }, new AudioStreamInfo(2, "aac", 48000, 2) { EndSeconds = 4.5 }]);

        Assert.Equal(2.5, conditioning.HoldLastSeconds, 3);
    }

    [Theory]
    [InlineData(DynamicRange.Hlg, FieldParity.BottomFirst, "hlg", "bff")]
    [InlineData(DynamicRange.Sdr, null, "sdr", "progressive")]
    public void When_a_source_is_described_the_manifest_names_its_range_and_field_order(DynamicRange range, FieldParity? parity, string dynamicRange, string fieldOrder)
    {
        var description = new VideoConditioning(parity, new FrameRate(60000, 1001), range, 0).Describe(Progressive with { FramesPerSecond = 119.88 });

        Assert.Equal((dynamicRange, fieldOrder, 119.88, 59.94), (description.DynamicRange, description.FieldOrder, description.FramesPerSecond, description.OutputFramesPerSecond));
    }
}
