using Transcoding.Worker.Probing;

namespace Transcoding.Worker.Tests.Probing;

public class FfprobeParserTests
{
    private static MediaProbe Fixture(string name) =>
        FfprobeParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Probing", "Fixtures", name + ".json")));

    [Theory]
    [InlineData("landscape_h264_aac", 640, 360, 0, 640, 360, 30)]
    [InlineData("portrait_display_matrix", 640, 360, 270, 360, 640, 30)]
    [InlineData("rotate_tag_only", 640, 360, 270, 360, 640, 30)]
    [InlineData("anamorphic_pal", 720, 576, 0, 768, 576, 25)]
    [InlineData("ntsc_frame_rate", 320, 240, 0, 320, 240, 29.97)]
    [InlineData("video_without_audio", 640, 360, 0, 640, 360, 30)]
    public void When_a_video_is_probed_its_display_geometry_and_rate_are_read(
        string fixture, int width, int height, int rotation, double displayWidth, double displayHeight, double fps)
    {
        var video = Fixture(fixture).Video;

        Assert.NotNull(video);
        Assert.Equal((width, height, rotation), (video.Width, video.Height, video.Rotation));
        Assert.Equal(displayWidth, video.DisplayWidth, precision: 3);
        Assert.Equal(displayHeight, video.DisplayHeight, precision: 3);
        Assert.Equal(fps, video.FramesPerSecond, precision: 2);
        Assert.Equal("h264", video.Codec);
    }

    [Theory]
    [InlineData("landscape_h264_aac", true, true, false, 3.0)]
    [InlineData("video_without_audio", true, false, false, 2.0)]
    [InlineData("audio_only_aac", false, true, true, 2.0)]
    [InlineData("audio_only_mp3_with_cover_art", false, true, true, 2.037551)]
    [InlineData("data_stream_only", false, false, false, 2.0)]
    public void When_a_source_is_probed_its_usable_streams_are_found(string fixture, bool hasVideo, bool hasAudio, bool audioOnly, double duration)
    {
        var probe = Fixture(fixture);

        Assert.Equal(hasVideo, probe.Video is not null);
        Assert.Equal(hasAudio, probe.Audio is not null);
        Assert.Equal(audioOnly, probe.IsAudioOnly);
        Assert.Equal(duration, probe.DurationSeconds, precision: 6);
    }

    [Theory]
    [InlineData("audio_only_aac", 0, "aac", 48000, 1)]
    [InlineData("audio_only_mp3_with_cover_art", 0, "mp3", 44100, 1)]
    [InlineData("landscape_h264_aac", 1, "aac", 44100, 1)]
    public void When_audio_is_probed_its_stream_index_and_format_are_read(string fixture, int index, string codec, int sampleRate, int channels)
    {
        var audio = Fixture(fixture).Audio!;

        Assert.Equal((index, codec, sampleRate, channels), (audio.Index, audio.Codec, audio.SampleRate, audio.Channels));
    }

    [Theory]
    [InlineData("hdr10_pq", "yuv420p10le", "smpte2084", "bt2020", "bt2020nc", "progressive")]
    [InlineData("interlaced_tff", "yuv420p", null, null, null, "tt")]
    [InlineData("landscape_h264_aac", "yuv420p", null, null, null, "progressive")]
    public void When_a_video_is_probed_its_pixel_format_colour_and_field_order_are_read(
        string fixture, string pixelFormat, string? transfer, string? primaries, string? matrix, string fieldOrder)
    {
        var video = Fixture(fixture).Video!;

        Assert.Equal((pixelFormat, transfer, primaries, matrix, fieldOrder), (video.PixelFormat, video.ColorTransfer, video.ColorPrimaries, video.ColorSpace, video.FieldOrder));
    }

    [Theory]
    [InlineData("interlaced_tff", 30000, 1001, 3.003)]
    [InlineData("landscape_h264_aac", 30, 1, 3.0)]
    public void When_a_video_is_probed_its_exact_rate_and_end_are_read(string fixture, long numerator, long denominator, double end)
    {
        var video = Fixture(fixture).Video!;

        Assert.Equal(new FrameRate(numerator, denominator), video.FrameRate);
        Assert.Equal(end, video.EndSeconds, precision: 3);
    }

    [Fact]
    public void When_a_matroska_track_starts_late_its_duration_tag_is_its_end()
    {
        var probe = Fixture("late_audio_matroska");

        Assert.Equal((3.0, 5.0), (probe.Video!.EndSeconds, probe.Audio!.EndSeconds));
    }

    [Fact]
    public void When_a_source_has_several_audio_tracks_all_are_kept_in_order_and_the_default_one_is_the_main_track()
    {
        var probe = Fixture("two_audio");

        Assert.Equal(
            [(1, false, "eng", "Commentary"), (2, true, "fra", null)],
            probe.AudioStreams.Select(a => (a.Index, a.IsDefault, a.Language, a.Title)).ToArray());
        Assert.Equal(2, probe.Audio!.Index);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public void When_the_output_is_not_ffprobe_json_it_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => FfprobeParser.Parse(text));
    }

    [Theory]
    [InlineData(-90, 90)]
    [InlineData(90, 270)]
    [InlineData(180, 180)]
    [InlineData(-180, 180)]
    [InlineData(0, 0)]
    [InlineData(-270, 270)]
    public void When_a_display_matrix_is_present_its_rotation_is_turned_clockwise(int matrixRotation, int expected)
    {
        var json = $$$"""
            {"streams":[{"index":0,"codec_type":"video","codec_name":"hevc","width":1920,"height":1080,
              "side_data_list":[{"side_data_type":"Display Matrix","rotation":{{{matrixRotation}}}}]}],
             "format":{"duration":"1.5"}}
            """;

        Assert.Equal(expected, FfprobeParser.Parse(json).Video!.Rotation);
    }

    /// <summary>
    /// <c>nb_read_packets</c> as ffprobe writes it with <c>-count_packets -show_optional_fields always</c>: "N/A" (5.1)
    /// or "0" (later) for a stream with nothing in it; absent (null here) when packets were not counted.
    /// </summary>
    [Theory]
    [InlineData("N/A", "120", false, true, "the video stream (#0) holds no frames")]
    [InlineData("0", "120", false, true, "the video stream (#0) holds no frames")]
    [InlineData("90", "N/A", true, false, "the audio stream (#1) holds no samples")]
    [InlineData("N/A", "N/A", false, false, "the video stream (#0) holds no frames|the audio stream (#1) holds no samples")]
    [InlineData("90", "120", true, true, "")]
    [InlineData(null, null, true, true, "")]
    public void When_packets_are_counted_a_stream_without_any_is_not_used_and_is_named(string? videoPackets, string? audioPackets, bool hasVideo, bool hasAudio, string empty)
    {
        var json = $$$"""
            {"streams":[
              {"index":0,"codec_type":"video","codec_name":"h264","width":320,"height":240,"avg_frame_rate":"25/1"{{{Count(videoPackets)}}}},
              {"index":1,"codec_type":"audio","codec_name":"aac","sample_rate":"44100","channels":1{{{Count(audioPackets)}}}}],
             "format":{"duration":"N/A"}}
            """;

        var probe = FfprobeParser.Parse(json);

        Assert.Equal((hasVideo, hasAudio), (probe.Video is not null, probe.Audio is not null));
        Assert.Equal(empty, string.Join('|', probe.EmptyStreams!));

        static string Count(string? packets) => packets is null ? "" : $",\"nb_read_packets\":\"{packets}\"";
    }
}
