using Transcoding.Worker.Encoding;
using Transcoding.Worker.Probing;

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

    /// <summary>What ffmpeg 5.1 writes for <c>-var_stream_map "v:0,agroup:audio,name:720p ... a:0,agroup:audio,default:yes,name:audio a:1,agroup:audio,name:audio-2"</c>.</summary>
    private const string FfmpegGroupedMaster = """
        #EXTM3U
        #EXT-X-VERSION:6
        #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_audio",NAME="audio_0",DEFAULT=YES,URI="audio/index.m3u8"
        #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_audio",NAME="audio_1",DEFAULT=NO,URI="audio-2/index.m3u8"
        #EXT-X-STREAM-INF:BANDWIDTH=2890800,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2",AUDIO="group_audio"
        720p/index.m3u8

        #EXT-X-STREAM-INF:BANDWIDTH=800800,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2",AUDIO="group_audio"
        360p/index.m3u8

        """;

    /// <summary>What it writes for the same audio map without video: each track a variant, and in the group.</summary>
    private const string FfmpegGroupedAudioOnlyMaster = """
        #EXTM3U
        #EXT-X-VERSION:3
        #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_audio",NAME="audio_0",DEFAULT=YES,URI="audio/index.m3u8"
        #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_audio",NAME="audio_1",DEFAULT=NO,URI="audio-2/index.m3u8"
        #EXT-X-STREAM-INF:BANDWIDTH=140800,CODECS="mp4a.40.2",AUDIO="group_audio"
        audio/index.m3u8

        #EXT-X-STREAM-INF:BANDWIDTH=140800,CODECS="mp4a.40.2",AUDIO="group_audio"
        audio-2/index.m3u8

        """;

    private static readonly AudioRendition[] TwoTracks =
    [
        new(new AudioStreamInfo(2, "aac", 48000, 2), "audio", "English", "en", IsDefault: true),
        new(new AudioStreamInfo(1, "aac", 48000, 2), "audio-2", "Commentary", null, IsDefault: false),
    ];

    /// <summary>Video variants 3 Mbit/s peak, 2 Mbit/s average; "audio" 150/120 kbit/s; "audio-2" 160/110 kbit/s.</summary>
    private static VariantSize Measured(string uri) => uri switch
    {
        "audio/index.m3u8" => new VariantSize(60_000, 4, 150_000),
        "audio-2/index.m3u8" => new VariantSize(55_000, 4, 160_000),
        _ => new VariantSize(1_000_000, 4, 3_000_000),
    };

    [Fact]
    public void When_the_audio_is_a_group_each_track_gets_its_name_language_default_and_autoselect()
    {
        var result = MasterPlaylist.Complete(FfmpegGroupedMaster, Measured, 25, TwoTracks);

        Assert.Equal(
            ["#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"group_audio\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio/index.m3u8\"",
             "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"group_audio\",NAME=\"Commentary\",DEFAULT=NO,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio-2/index.m3u8\""],
            result.Split('\n').Where(l => l.StartsWith("#EXT-X-MEDIA:", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("720p/index.m3u8")]
    [InlineData("360p/index.m3u8")]
    public void When_a_variant_plays_an_audio_group_its_bandwidth_adds_the_groups_largest_rendition(string uri)
    {
        var line = StreamInfOf(MasterPlaylist.Complete(FfmpegGroupedMaster, Measured, 25, TwoTracks), uri);

        // Peak 3,000,000 + 160,000 (audio-2's); average 2,000,000 + 120,000 (audio's).
        Assert.StartsWith("#EXT-X-STREAM-INF:BANDWIDTH=3160000,", line);
        Assert.Contains(",AUDIO=\"group_audio\",AVERAGE-BANDWIDTH=2120000,FRAME-RATE=25.000", line);
    }

    [Fact]
    public void When_an_audio_only_source_has_a_group_only_the_default_tracks_variant_stays_and_its_bandwidth_is_the_largest_tracks()
    {
        var result = MasterPlaylist.Complete(FfmpegGroupedAudioOnlyMaster, Measured, framesPerSecond: null, TwoTracks);

        Assert.Equal(["audio/index.m3u8"], MasterPlaylist.Parse(result).Select(v => v.Uri));
        Assert.Equal("#EXT-X-STREAM-INF:BANDWIDTH=160000,CODECS=\"mp4a.40.2\",AUDIO=\"group_audio\",AVERAGE-BANDWIDTH=120000", StreamInfOf(result, "audio/index.m3u8"));
        Assert.Equal(2, MasterPlaylist.ParseMedia(result).Count);
    }

    private static string StreamInfOf(string master, string uri)
    {
        var lines = master.Split('\n');
        return lines[Array.IndexOf(lines, uri) - 1];
    }
}
