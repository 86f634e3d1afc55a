using Transcoding.Worker.Encoding;

namespace Transcoding.Worker.Tests.Encoding;

public sealed class MediaPlaylistTests
{
    [Theory]
    [InlineData("0.040000", "0", "1")]
    [InlineData("0.500000", "0", "1")]
    [InlineData("3.500000", "3", "4")]
    [InlineData("3.400000", "3", "3")]
    [InlineData("4.000000", "4", "4")]
    public void Target_duration_is_the_segment_rounded_to_the_nearest_integer_and_at_least_one(string extinf, string written, string expected)
    {
        var ffmpeg = $"#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:{written}\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:{extinf},\nsegment_00000.ts\n#EXT-X-ENDLIST\n";

        var corrected = MediaPlaylist.CorrectTargetDuration(ffmpeg);

        Assert.Equal(ffmpeg.Replace($"#EXT-X-TARGETDURATION:{written}\n", $"#EXT-X-TARGETDURATION:{expected}\n"), corrected);
        Assert.Empty(MediaPlaylist.Parse(corrected).Problems);
    }
}
