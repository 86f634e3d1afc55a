using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Transcoding.Shared;
using Transcoding.Shared.Storage;

namespace Transcoding.EndToEnd.Tests;

/// <summary>
/// An operator cancels an item while ffmpeg encodes it: the saga, the dispatcher and RunPod's <c>/cancel</c> (on the
/// local endpoint) stop the GPU work within seconds, and the cancelled attempt leaves nothing in the bucket.
/// </summary>
public sealed class When_an_item_is_cancelled_mid_encode(Pipeline pipeline) : IClassFixture<Pipeline>
{
    [Fact]
    public async Task When_a_job_is_cancelled_mid_encode_ffmpeg_stops_within_5_seconds_and_no_outputs_remain()
    {
        var clip = await Media.GenerateClipAsync(pipeline.Bucket + "-sources", 1280, 720, seconds: 8);
        var mediaId = await pipeline.UploadAsync(clip, "video/mp4");
        var (_, ffmpeg) = await WorkerProcesses.EncodingAsync(pipeline.Bucket, TimeSpan.FromMinutes(2));

        var cancel = await pipeline.Orchestrator.PostAsJsonAsync($"/media/{mediaId}/cancel", new { requestedBy = "e2e", reason = "wrong file" });
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var status = await pipeline.WaitForTerminalStateAsync(mediaId, TimeSpan.FromSeconds(60));
        Assert.Equal(("failed", "cancelled"), (status.State, status.Failure?.Code));
        var jobId = status.Usage.Attempts.Single().JobId;

        // The 5 s is the worker's promise: from RunPod accepting the cancel (the job CANCELLED at the endpoint) to ffmpeg
        // gone, through the stop channel. The hops before it (status API, saga, dispatcher) are the bus's, bounded above.
        await Eventually.Until(
            () => pipeline.RunPod.GetFromJsonAsync<JsonElement>($"/v2/e2e/status/{jobId}", JsonDefaults.Web),
            job => job.GetProperty("status").GetString() == "CANCELLED",
            $"job {jobId} CANCELLED at the local endpoint",
            TimeSpan.FromSeconds(60),
            job => job.GetRawText());
        await Eventually.Until(() => WorkerProcesses.HasEnded(ffmpeg.Id), ended => ended, $"ffmpeg ({ffmpeg.Id}) stopped", TimeSpan.FromSeconds(5),
            _ => $"running; logs:\n{pipeline.Logs.Tail(mediaId.ToString(), 60)}\n{pipeline.Logs.Tail("kill", 10)}");

        // The endpoint has one worker: once a later item is ready, the cancelled job's worker has finished whatever
        // it did about the stop (its cleanup comes before it takes the next job).
        var next = await pipeline.UploadAsync(await Media.GenerateClipAsync(pipeline.Bucket + "-sources", 320, 240, seconds: 1), "video/mp4");
        var nextStatus = await pipeline.WaitForTerminalStateAsync(next, TimeSpan.FromMinutes(4));
        Assert.True(nextStatus.State == "ready", $"state {nextStatus.State}: {nextStatus.Failure}");

        Assert.Empty(await pipeline.Storage.ListAsync(MediaKeys.Prefix(mediaId), CancellationToken.None).ToListAsync());
        var after = await pipeline.WaitForTerminalStateAsync(mediaId, TimeSpan.FromSeconds(30));
        Assert.Equal(("failed", "cancelled", 1), (after.State, after.Failure?.Code, after.AttemptsUsed));
        Assert.Null(after.Outputs);
    }
}
