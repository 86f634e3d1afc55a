using Transcoding.Worker.Encoding;
using Transcoding.Worker.Ladder;

namespace Transcoding.Worker.Tests.Encoding;

public class RateControlTests
{
    private static readonly EncodeSettings Settings = new("medium", 23, 24, 4, 128);

    private static readonly PlannedRung[] FourRungs =
    [
        new("1080p", 1920, 1080, 5000),
        new("720p", 1280, 720, 2500),
        new("480p", 854, 480, 1000),
        new("360p", 640, 360, 600),
    ];

    private const string NvencQuality = "-rc vbr -cq 24 -b:v 0 -spatial-aq 1 -rc-lookahead 20";

    private const string FourCaps =
        "-maxrate:v:0 5000k -bufsize:v:0 10000k -maxrate:v:1 2500k -bufsize:v:1 5000k " +
        "-maxrate:v:2 1000k -bufsize:v:2 2000k -maxrate:v:3 600k -bufsize:v:3 1200k";

    [Theory]
    [InlineData(VideoEncoder.Libx264, 23, 24, 1, "-crf 23 -maxrate:v:0 5000k -bufsize:v:0 10000k")]
    [InlineData(VideoEncoder.Libx264, 23, 24, 4, "-crf 23 " + FourCaps)]
    [InlineData(VideoEncoder.Libx264, 20, 30, 1, "-crf 20 -maxrate:v:0 5000k -bufsize:v:0 10000k")]
    [InlineData(VideoEncoder.H264Nvenc, 23, 24, 1, NvencQuality + " -maxrate:v:0 5000k -bufsize:v:0 10000k")]
    [InlineData(VideoEncoder.H264Nvenc, 23, 24, 4, NvencQuality + " " + FourCaps)]
    [InlineData(VideoEncoder.H264Nvenc, 20, 30, 1, "-rc vbr -cq 30 -b:v 0 -spatial-aq 1 -rc-lookahead 20 -maxrate:v:0 5000k -bufsize:v:0 10000k")]
    public void When_a_ladder_is_encoded_each_encoder_targets_its_own_quality_capped_at_each_rungs_bitrate_over_two_seconds(
        VideoEncoder encoder, int crf, int cq, int rungs, string expected)
    {
        var args = RateControl.Arguments(encoder, Settings with { Crf = crf, Cq = cq }, FourRungs[..rungs]);

        Assert.Equal(expected, string.Join(' ', args));
    }
}
