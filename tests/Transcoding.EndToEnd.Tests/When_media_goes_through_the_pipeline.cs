using Transcoding.Contracts;
using Transcoding.Shared.Storage;

namespace Transcoding.EndToEnd.Tests;

/// <summary>The walking skeleton: one upload through every service over a real broker, real HTTP and real ffmpeg.</summary>
public sealed class When_media_goes_through_the_pipeline(Pipeline pipeline) : IClassFixture<Pipeline>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_video_ends_ready_with_a_playable_ladder_and_one_media_ready()
    {
        var clip = await Media.GenerateClipAsync(pipeline.Bucket + "-sources", 854, 480, seconds: 3);
        var mediaId = await pipeline.UploadAsync(clip, "video/mp4");

        var status = await pipeline.WaitForTerminalStateAsync(mediaId, Timeout);

        Assert.True(status.State == "ready", $"state {status.State}: {status.Failure}");
        Assert.Equal(1, status.AttemptsUsed);
        Assert.Equal(["uploaded", "transcoding", "ready"], status.History.Select(h => h.To));
        var outputs = status.Outputs!;
        Assert.Equal(MediaKeys.MasterPlaylist(mediaId), outputs.MasterPlaylistKey);
        Assert.True(await pipeline.Storage.ExistsAsync(MediaKeys.Manifest(mediaId), CancellationToken.None));

        var master = Path.Combine(pipeline.Bucket, outputs.MasterPlaylistKey);
        Assert.True(await Media.VideoStreamCountAsync(master) >= 2, "master.m3u8 has fewer than two video renditions");
        var streamInfs = File.ReadAllLines(master).Where(l => l.StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal)).ToList();
        Assert.All(streamInfs, l => Assert.Matches("BANDWIDTH=.*AVERAGE-BANDWIDTH=\\d+.*FRAME-RATE=25\\.000", l));
        foreach (var variant in Media.Variants(master))
        {
            Assert.Equal("", await Media.DecodeErrorsAsync(variant));
            foreach (var segment in Media.Segments(variant))
            {
                Assert.True(File.Exists(segment), $"{segment} is listed but missing");
                Assert.Equal("", await Media.DecodeErrorsAsync(segment));
            }
        }

        // Never upscaled: a 480p source has no 720p or 1080p rung.
        Assert.DoesNotContain(outputs.Renditions, r => r.Height > 480);
        // Nothing can publish another MediaReady for the item once RunPod's webhook (the job's last report) has been
        // answered by the gateway, which answers after its publish, and the saga has consumed every completion the
        // gateway published: then a marker behind them on the recorder's queue shows that all were recorded.
        await Eventually.True(
            () => pipeline.Logs.GetSnapshot().Any(r => r.Message.StartsWith($"Webhook of job {status.JobId} ", StringComparison.Ordinal) && r.Message.Contains(" delivered")),
            $"RunPod's webhook of job {status.JobId} delivered");
        await Eventually.Until(
            () => (Published: Completions(pipeline.GatewayPublished.Published, mediaId), Consumed: Completions(pipeline.Orchestrated.Consumed, mediaId)),
            x => x.Consumed >= x.Published,
            "every TranscodeCompleted the gateway published consumed by the saga");
        await MessageRecorder.AllRecordedAsync(pipeline.Upstream);
        Assert.Single(MessageRecorder.Received.OfType<MediaReady>(), m => m.MediaId == mediaId);

        // Every service and the worker logged at debug level through the whole job: none of them wrote a secret, nor
        // the job's webhook token.
        pipeline.Logs.AssertNoneLogged(pipeline.SecretsOf(mediaId));
        Assert.Contains(pipeline.Logs.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Debug && r.Category?.StartsWith("Transcoding.", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_file_that_is_not_media_fails_permanently_after_one_job_and_leaves_no_outputs()
    {
        var fake = Path.Combine(pipeline.Bucket + "-sources", "not-a-video.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(fake)!);
        await File.WriteAllTextAsync(fake, "this is a text file, not a video\n");
        var mediaId = await pipeline.UploadAsync(fake, "video/mp4");

        var status = await pipeline.WaitForTerminalStateAsync(mediaId, Timeout);

        Assert.Equal("failed", status.State);
        Assert.True(status.Failure!.Permanent);
        Assert.False(string.IsNullOrWhiteSpace(status.Failure.Message));
        Assert.Equal(1, status.AttemptsUsed);
        await Eventually.True(() => MessageRecorder.Received.OfType<MediaTranscodeFailed>().Any(m => m.MediaId == mediaId), "MediaTranscodeFailed recorded");
        var failed = MessageRecorder.Received.OfType<MediaTranscodeFailed>().Single(m => m.MediaId == mediaId);
        Assert.True(failed.Permanent);
        Assert.Empty(await pipeline.Storage.ListAsync(MediaKeys.Prefix(mediaId), CancellationToken.None).ToListAsync());
    }

    private static int Completions(IEnumerable<object> messages, Guid mediaId) => messages.OfType<TranscodeCompleted>().Count(m => m.MediaId == mediaId);
}
