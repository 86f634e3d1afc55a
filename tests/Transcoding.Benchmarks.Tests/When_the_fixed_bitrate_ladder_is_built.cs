using Transcoding.Worker.Encoding;
using Transcoding.Worker.Ladder;
using Transcoding.Worker.Probing;

namespace Transcoding.Benchmarks.Tests;

/// <summary>
/// <see cref="FixedBitrateLadder.Arguments"/>: the worker's own libx264 ladder with only its rate control swapped for
/// per-rung <c>-b:v</c>, everything else (preset, GOP, key frames, HLS) as the worker builds it.
/// </summary>
public sealed class When_the_fixed_bitrate_ladder_is_built
{
    private static readonly PlannedRung[] Rungs =
    [
        new("1080p", 1920, 1080, 5000), new("720p", 1280, 720, 2500), new("480p", 854, 480, 1000), new("360p", 640, 360, 600),
    ];

    [Theory]
    [InlineData(new[] { "-c:v", "libx264", "-crf", "23", "-maxrate:v:0", "5000k", "-bufsize:v:0", "10000k", "-g", "100" },
        new[] { "-c:v", "libx264", "-b:v:0", "5000k", "-b:v:1", "2500k", "-b:v:2", "1000k", "-b:v:3", "600k", "-g", "100" })]
    [InlineData(new[] { "-maxrate", "1k", "-preset", "medium", "-crf", "18", "-bufsize", "2k", "out.m3u8" },
        new[] { "-preset", "medium", "-b:v:0", "5000k", "-b:v:1", "2500k", "-b:v:2", "1000k", "-b:v:3", "600k", "out.m3u8" })]
    public void The_capped_crf_is_replaced_by_each_rungs_bitrate(string[] worker, string[] expected) =>
        Assert.Equal(expected, FixedBitrateLadder.Arguments(worker, Rungs));

    [Fact]
    public void The_workers_own_ladder_keeps_everything_but_its_rate_control()
    {
        var worker = FfmpegArguments.Hls(new HlsEncodeRequest("in.mp4", "out", Probe(), Rungs, VideoEncoder.Libx264, new EncodeSettings("medium", 23, 24, 4, 128)));

        var fixedLadder = FixedBitrateLadder.Arguments(worker, Rungs);

        Assert.Equal(["-b:v:0", "5000k", "-b:v:1", "2500k", "-b:v:2", "1000k", "-b:v:3", "600k"], fixedLadder.SkipWhile(a => a != "-b:v:0").Take(8));
        Assert.Equal(
            WithoutOptions(worker, flag => flag == "-crf" || flag.StartsWith("-maxrate", StringComparison.Ordinal) || flag.StartsWith("-bufsize", StringComparison.Ordinal)),
            WithoutOptions(fixedLadder, flag => flag.StartsWith("-b:v:", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_nvenc_ladder_has_no_fixed_bitrate_counterpart()
    {
        var nvenc = FfmpegArguments.Hls(new HlsEncodeRequest("in.mp4", "out", Probe(), Rungs, VideoEncoder.H264Nvenc, new EncodeSettings("medium", 23, 24, 4, 128)));

        Assert.Throws<ArgumentException>(() => FixedBitrateLadder.Arguments(nvenc, Rungs));
    }

    private static MediaProbe Probe() => new(new VideoStreamInfo(0, "h264", 1920, 1080, 0, 1, 25), (AudioStreamInfo?)null, 6);

    /// <summary>The arguments without each option <paramref name="removed"/> names and its value.</summary>
    private static List<string> WithoutOptions(IReadOnlyList<string> arguments, Func<string, bool> removed) =>
        arguments.Where((argument, i) => !removed(argument) && (i == 0 || !removed(arguments[i - 1]))).ToList();
}
