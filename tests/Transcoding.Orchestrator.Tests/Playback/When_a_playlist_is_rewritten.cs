using Transcoding.Orchestrator.Playback;

namespace Transcoding.Orchestrator.Tests.Playback;

/// <summary>Which parts of an HLS playlist (RFC 8216 4.1, 4.2) and a WebVTT thumbnail track are URI references.</summary>
public sealed class When_a_playlist_is_rewritten
{
    private static string Link(string reference) => $"<{reference}>";

    [Fact]
    public void Uri_lines_and_URI_attributes_are_replaced_and_everything_else_is_kept_with_its_line_ends()
    {
        var playlist = string.Join("\r\n",
            "#EXTM3U",
            "# a comment naming seg.ts",
            "#EXT-X-MAP:URI=\"init.mp4\",BYTERANGE=\"720@0\"",
            "#EXT-X-SESSION-DATA:DATA-ID=\"com.example\",X-URI=\"not-a-uri-attribute\"",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",NAME=\"English\",URI=\"audio/index.m3u8\"",
            "",
            "#EXTINF:4.0,",
            "segment_00000.ts",
            "");

        var rewritten = PlaylistRewriter.RewriteHls(playlist, Link);

        Assert.Equal(string.Join("\r\n",
            "#EXTM3U",
            "# a comment naming seg.ts",
            "#EXT-X-MAP:URI=\"<init.mp4>\",BYTERANGE=\"720@0\"",
            "#EXT-X-SESSION-DATA:DATA-ID=\"com.example\",X-URI=\"not-a-uri-attribute\"",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",NAME=\"English\",URI=\"<audio/index.m3u8>\"",
            "",
            "#EXTINF:4.0,",
            "<segment_00000.ts>",
            ""), rewritten);
    }

    [Fact]
    public void Only_cue_payloads_of_a_WebVTT_track_are_replaced()
    {
        const string vtt = "WEBVTT\n\nNOTE storyboard.jpg is the sprite\n\n1\n00:00:00.000 --> 00:00:05.000\nstoryboard.jpg#xywh=0,0,160,90\n";

        var rewritten = PlaylistRewriter.RewriteVtt(vtt, Link);

        Assert.Equal("WEBVTT\n\nNOTE storyboard.jpg is the sprite\n\n1\n00:00:00.000 --> 00:00:05.000\n<storyboard.jpg#xywh=0,0,160,90>\n", rewritten);
    }
}
