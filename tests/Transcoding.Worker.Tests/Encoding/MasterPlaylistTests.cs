using Transcoding.Worker.Encoding;

namespace Transcoding.Worker.Tests.Encoding;

public sealed class MasterPlaylistTests
{
    private const string FfmpegMaster = """
        #EXTM3U
        #EXT-X-VERSION:6
        #EXT-X-STREAM-INF:BANDWIDTH=2890800,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"
        720p/index.m3u8

        #EXT-X-STREAM-INF:BANDWIDTH=800800,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2"
        360p/index.m3u8

        """;

    [Theory]
    [InlineData("720p/index.m3u8", 1_000_000, 4.0, "AVERAGE-BANDWIDTH=2000000")]
    [InlineData("360p/index.m3u8", 300_000, 4.0, "AVERAGE-BANDWIDTH=600000")]
    [InlineData("360p/index.m3u8", 1, 3.0, "AVERAGE-BANDWIDTH=3")]
    public void When_a_variant_is_measured_its_average_bandwidth_is_added(string uri, long bytes, double seconds, string expected)
    {
        var result = MasterPlaylist.Complete(FfmpegMaster, u => u == uri ? new VariantSize(bytes, seconds, 0) : new VariantSize(1, 1, 0), 29.97);

        var line = StreamInfOf(result, uri);
        Assert.Contains(expected, line);
        Assert.StartsWith("#EXT-X-STREAM-INF:BANDWIDTH=", line);
    }

    [Theory]
    [InlineData(25.0, "FRAME-RATE=25.000")]
    [InlineData(30000.0 / 1001, "FRAME-RATE=29.970")]
    public void When_video_variants_are_listed_their_frame_rate_is_added(double fps, string expected)
    {
        var result = MasterPlaylist.Complete(FfmpegMaster, _ => new VariantSize(1000, 2, 0), fps);

        Assert.Contains(expected, StreamInfOf(result, "720p/index.m3u8"));
        Assert.Contains(expected, StreamInfOf(result, "360p/index.m3u8"));
    }

    [Fact]
    public void When_the_input_is_audio_only_no_frame_rate_is_added()
    {
        const string audioMaster = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=140800,CODECS=\"mp4a.40.2\"\naudio/index.m3u8\n";

        var result = MasterPlaylist.Complete(audioMaster, _ => new VariantSize(64_000, 4, 0), framesPerSecond: null);

        Assert.Equal("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=140800,CODECS=\"mp4a.40.2\",AVERAGE-BANDWIDTH=128000\naudio/index.m3u8\n", result);
    }

    [Fact]
    public void When_the_attributes_are_already_there_nothing_changes()
    {
        const string complete = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,AVERAGE-BANDWIDTH=1,RESOLUTION=2x2,FRAME-RATE=25.000\na/index.m3u8\n";

        Assert.Equal(complete, MasterPlaylist.Complete(complete, _ => new VariantSize(100, 1, 0), 30));
    }

    [Fact]
    public void A_media_playlist_is_measured_from_its_segments_on_disk()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "seg0.ts"), new byte[1000]);
            File.WriteAllBytes(Path.Combine(folder, "seg1.ts"), new byte[500]);
            File.WriteAllText(Path.Combine(folder, "index.m3u8"), "#EXTM3U\n#EXTINF:4.000000,\nseg0.ts\n#EXTINF:2.5,\nseg1.ts\n#EXT-X-ENDLIST\n");

            Assert.Equal(new VariantSize(1500, 6.5, 2000), VariantSize.Measure(Path.Combine(folder, "index.m3u8")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(4_500_000, 12.0, 3_202_768, "BANDWIDTH=3202768,", "AVERAGE-BANDWIDTH=3000000")]
    [InlineData(1_000_000, 4.0, 2_000_000, "BANDWIDTH=2890800,", "AVERAGE-BANDWIDTH=2000000")]
    public void When_a_segment_runs_above_the_written_bandwidth_bandwidth_is_raised_to_its_peak(long bytes, double seconds, long peak, string bandwidth, string average)
    {
        var line = StreamInfOf(MasterPlaylist.Complete(FfmpegMaster, _ => new VariantSize(bytes, seconds, peak), 60), "720p/index.m3u8");

        Assert.StartsWith("#EXT-X-STREAM-INF:" + bandwidth, line);
        Assert.Contains(average, line);
    }

    private static string StreamInfOf(string master, string uri)
    {
        var lines = master.Split('\n');
        return lines[Array.IndexOf(lines, uri) - 1];
    }
}
