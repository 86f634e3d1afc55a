using Transcoding.Worker.Encoding;
using Transcoding.Worker.Jobs;
using Transcoding.Worker.Tests.Support;
using Transcoding.Worker.Validation;
using Xunit.Abstractions;

namespace Transcoding.Worker.Tests.Jobs;

/// <summary>Issue 12 kinds 3, 5, 6 and 10 through the real pipeline, each checked by its right value and by the validator.</summary>
public sealed class OutputValidationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0.1, 1, 1)]
    [InlineData(0.5, 1, 1)]
    [InlineData(3.5, 4, 4)]
    public async Task When_the_last_segment_is_longer_than_ffmpeg_says_target_duration_covers_it(double seconds, int segmentSeconds, int target)
    {
        await using var harness = await WorkerHarness.StartAsync(settings: new Dictionary<string, string?> { ["Worker:SegmentSeconds"] = segmentSeconds.ToString() });
        var (mediaId, result) = await RunAsync(harness, await Clips.ShortClip(seconds));

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
        // Real ffmpeg, then the first segment emptied, as a full disk or a crashed muxer would leave it.
        var ffmpeg = Path.Combine(Directory.CreateTempSubdirectory("ffmpeg-emptying-").FullName, "ffmpeg");
        await File.WriteAllTextAsync(ffmpeg, """
            #!/bin/sh
            ffmpeg "$@" || exit $?
            for arg in "$@"; do case "$arg" in */index.m3u8) playlist=$arg ;; esac; done
            [ -n "$playlist" ] && : > "$(ls "$(dirname "$(dirname "$playlist")")"/*/segment_00000.ts | head -n 1)"
            exit 0
            """);
        await Tool.RunAsync("chmod", ["+x", ffmpeg]);
        await using var harness = await WorkerHarness.StartAsync(settings: new Dictionary<string, string?> { ["Worker:FfmpegPath"] = ffmpeg });
        var (mediaId, result) = await RunAsync(harness, await Clips.VideoWithAudio);

        Assert.False(result.Succeeded);
        Assert.Equal((JobErrorCodes.OutputInvalid, false), (result.Error!.Code, result.Error.Permanent));
        Assert.StartsWith("The written output is invalid (", result.Error.Message);
        Assert.Matches(@"segment_empty hls/\d+p/segment_00000\.ts: 0 bytes", result.Error.Message);
        Assert.DoesNotContain(harness.WorkDir, result.Error.Message);
        Assert.Empty(harness.Outputs(mediaId));
    }

    [Fact]
    public async Task When_audio_runs_longer_than_video_the_last_picture_is_held_to_the_end_of_the_program()
    {
        await using var harness = await WorkerHarness.StartAsync();
        var (mediaId, result) = await RunAsync(harness, await Clips.AudioLongerThanVideo);

        Assert.True(result.Succeeded, result.Error?.Message);
        var playlist = harness.OutputPath(mediaId, "hls/180p/index.m3u8");
        var segments = Hls.Segments(playlist);
        var written = Path.Combine(Directory.CreateTempSubdirectory("audio-longer-").FullName, "all.ts");
        await Tool.RunAsync("ffmpeg", ["-v", "error", "-i", playlist, "-c", "copy", written]);
        var video = await Hls.StreamDurationAsync(written, "v:0");
        var audio = await Hls.StreamDurationAsync(written, "a:0");
        output.WriteLine($"EXTINF sum {segments.Sum(s => s.Duration)}, manifest {result.Outputs!.DurationSeconds}, video {video}, audio {audio}");
        Assert.Equal(5.0, segments.Sum(s => s.Duration), 0.1);
        Assert.Equal(5.0, result.Outputs.DurationSeconds, 0.1);
        Assert.Equal(5.0, video, 0.1);
        Assert.Equal(5.0, audio, 0.1);
        Assert.Empty(Validate(harness, mediaId, result.Outputs.DurationSeconds));
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
