using Transcoding.Worker.Encoding;
using Transcoding.Worker.Jobs;
using Transcoding.Worker.Tests.Support;
using Transcoding.Worker.Validation;
using Xunit.Abstractions;

namespace Transcoding.Worker.Tests.Jobs;

/// <summary>Issue 12 kinds 5, 6 and 10 through the real pipeline, each checked by its right value and by the validator.</summary>
public sealed class OutputValidationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0.1, 1, 1)]
    [InlineData(0.5, 1, 1)]
    [InlineData(3.5, 4, 4)]
    public async Task When_the_last_segment_is_longer_than_ffmpeg_says_target_duration_covers_it(double seconds, int segmentSeconds, int target)
    {
        await using var harness = await WorkerHarness.StartAsync(settings: new Dictionary<string, string?> { ["Worker:SegmentSeconds"] = segmentSeconds.ToString() });
        var (mediaId, result) = await RunAsync(harness, await Clips.Short(seconds));

        Assert.True(result.Succeeded, result.Error?.Message);
        var playlist = MediaPlaylist.Parse(File.ReadAllText(harness.OutputPath(mediaId, "hls/180p/index.m3u8")));
        output.WriteLine($"EXTINF {string.Join(',', playlist.Segments.Select(s => s.Seconds))}, TARGETDURATION {playlist.TargetDuration}");
        Assert.Equal(target, playlist.TargetDuration);
        Assert.Empty(Validate(harness, mediaId, seconds));
    }

    [Fact]
    public async Task When_a_segment_bursts_above_the_configured_rate_bandwidth_is_the_measured_peak()
    {
        await using var harness = await WorkerHarness.StartAsync();
        var (mediaId, result) = await RunAsync(harness, await Clips.Sixty);

        Assert.True(result.Succeeded, result.Error?.Message);
        var variant = Assert.Single(MasterPlaylist.Parse(File.ReadAllText(harness.OutputPath(mediaId, "hls/master.m3u8"))));
        var size = VariantSize.Measure(harness.OutputPath(mediaId, "hls/" + variant.Uri));
        output.WriteLine($"BANDWIDTH {variant.Bandwidth}, AVERAGE-BANDWIDTH {variant.AverageBandwidth}, peak segment {size.PeakBitsPerSecond} bit/s");
        Assert.True(variant.Bandwidth >= size.PeakBitsPerSecond, $"BANDWIDTH {variant.Bandwidth} < peak {size.PeakBitsPerSecond}");
        Assert.True(variant.AverageBandwidth <= variant.Bandwidth, $"AVERAGE-BANDWIDTH {variant.AverageBandwidth} > BANDWIDTH {variant.Bandwidth}");
        Assert.Empty(Validate(harness, mediaId, 3));
    }

    [Fact]
    public async Task When_the_source_is_one_frame_the_poster_is_that_frame_and_every_manifest_key_exists()
    {
        await using var harness = await WorkerHarness.StartAsync();
        var (mediaId, result) = await RunAsync(harness, await Clips.OneFrame);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal($"media/{mediaId:D}/poster.jpg", result.Outputs!.PosterKey);
        Assert.Equal((320, 180), await Hls.VideoSizeAsync(harness.OutputPath(mediaId, "poster.jpg")));
        Assert.Empty(Validate(harness, mediaId, result.Outputs.DurationSeconds));
    }

    [Fact]
    public async Task When_the_output_fails_validation_the_job_fails_and_nothing_is_left()
    {
        await using var harness = await WorkerHarness.StartAsync();
        var (mediaId, result) = await RunAsync(harness, await Clips.AudioLongerThanVideo);

        Assert.False(result.Succeeded);
        Assert.Equal((JobErrorCodes.OutputInvalid, false), (result.Error!.Code, result.Error.Permanent));
        Assert.StartsWith("The written output is invalid (1 problem(s)): duration_mismatch hls/180p/index.m3u8: EXTINF sum 2", result.Error.Message);
        Assert.DoesNotContain(harness.WorkDir, result.Error.Message);
        Assert.Empty(harness.Outputs(mediaId));
    }

    private static async Task<(Guid MediaId, JobResult Result)> RunAsync(WorkerHarness harness, string source)
    {
        var mediaId = Guid.NewGuid();
        var result = await harness.Executor.ExecuteAsync("job-" + Path.GetFileNameWithoutExtension(source), WorkerHarness.Input(mediaId, await harness.UploadSourceAsync(source)), null, CancellationToken.None);
        return (mediaId, result);
    }

    private static IReadOnlyList<OutputProblem> Validate(WorkerHarness harness, Guid mediaId, double probedSeconds) =>
        HlsOutputValidator.Validate(harness.OutputPath(mediaId, ""), $"media/{mediaId:D}/", probedSeconds);
}
