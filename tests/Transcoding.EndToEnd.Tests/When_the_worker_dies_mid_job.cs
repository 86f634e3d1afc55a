using System.Net.Http.Json;
using System.Text.Json;
using Transcoding.Shared;

namespace Transcoding.EndToEnd.Tests;

/// <summary>
/// The worker process is killed while it encodes: the local RunPod endpoint fails the job and tells the gateway through
/// RunPod's own webhook, the saga retries once (a transient failure), and a fresh worker finishes the item.
/// </summary>
public sealed class When_the_worker_dies_mid_job(Pipeline pipeline) : IClassFixture<Pipeline>
{
    [Fact]
    public async Task The_attempt_is_retried_once_and_the_item_ends_ready_with_two_jobs()
    {
        var clip = await Media.GenerateClipAsync(pipeline.Bucket + "-sources", 1280, 720, seconds: 8);
        var mediaId = await pipeline.UploadAsync(clip, "video/mp4");

        var (worker, _) = await WorkerProcesses.EncodingAsync(pipeline.Bucket, TimeSpan.FromMinutes(2));
        worker.Kill(entireProcessTree: true);

        var status = await pipeline.WaitForTerminalStateAsync(mediaId, TimeSpan.FromMinutes(5));
        Assert.True(status.State == "ready", $"state {status.State}: {status.Failure}");
        Assert.Equal(2, status.AttemptsUsed);
        Assert.Contains(status.History, h => h.From == "failed" && h.To == "uploaded" && h.Reason!.Contains("automatic retry"));
        // The item is ready once the worker's signed callback is through, which is before its job-done reaches the
        // endpoint: wait for both jobs to have ended there before counting them.
        var jobs = await Eventually.Until(
            async () => (await pipeline.RunPod.GetFromJsonAsync<JsonElement>("/v2/e2e/health", JsonDefaults.Web)).GetProperty("jobs"),
            j => j.GetProperty("inQueue").GetInt32() + j.GetProperty("inProgress").GetInt32() == 0 && j.GetProperty("completed").GetInt32() + j.GetProperty("failed").GetInt32() >= 2,
            "both jobs ended at the local RunPod endpoint",
            describe: j => j.GetRawText());
        Assert.Equal(1, jobs.GetProperty("completed").GetInt32());
        Assert.Equal(1, jobs.GetProperty("failed").GetInt32());
    }
}
