using System.Net.Http.Json;
using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.Shared;

namespace Transcoding.EndToEnd.Tests;

/// <summary>GPU seconds on the item are RunPod's own figures for the attempt's job, read once RunPod has ended it.</summary>
public sealed class When_an_attempt_ends(Pipeline pipeline) : IClassFixture<Pipeline>
{
    [Fact]
    public async Task When_an_attempt_ends_its_gpu_seconds_equal_runpod_execution_time()
    {
        var clip = await Media.GenerateClipAsync(pipeline.Bucket + "-sources", 640, 360, seconds: 2);
        var mediaId = await pipeline.UploadAsync(clip, "video/mp4");
        var ready = await pipeline.WaitForTerminalStateAsync(mediaId, TimeSpan.FromMinutes(4));
        Assert.True(ready.State == "ready", $"state {ready.State}: {ready.Failure}");

        var status = await Eventually.Until(
            () => pipeline.Orchestrator.GetFromJsonAsync<JsonElement>($"/media/{mediaId}", JsonDefaults.Web),
            s => s.GetProperty("usage").GetProperty("complete").GetBoolean(),
            "the attempt's usage measured",
            describe: s => s.GetProperty("usage").GetRawText());
        var attempt = Assert.Single(status.GetProperty("usage").GetProperty("attempts").EnumerateArray());
        var jobId = attempt.GetProperty("jobId").GetString();
        Assert.Equal(ready.JobId, jobId);
        var job = await pipeline.RunPod.GetFromJsonAsync<JsonElement>($"/v2/e2e/status/{jobId}", JsonDefaults.Web);

        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        var executionTime = job.GetProperty("executionTime").GetInt64();
        Assert.True(executionTime > 0, "the local endpoint measured no execution time");
        Assert.Equal(executionTime, attempt.GetProperty("executionTimeMs").GetInt64());
        Assert.Equal(job.GetProperty("delayTime").GetInt64(), attempt.GetProperty("delayTimeMs").GetInt64());
        Assert.Equal(executionTime / 1000.0, attempt.GetProperty("gpuSeconds").GetDouble());
        Assert.Equal(executionTime / 1000.0, status.GetProperty("usage").GetProperty("gpuSeconds").GetDouble());

        // Downstream: MediaReady went out before RunPod had ended the job; the follow-up carries the figure.
        await Eventually.True(() => MessageRecorder.Received.OfType<MediaGpuUsageReported>().Any(m => m.MediaId == mediaId && m.Usage.Complete),
            "MediaGpuUsageReported recorded");
        var report = MessageRecorder.Received.OfType<MediaGpuUsageReported>().Last(m => m.MediaId == mediaId);
        Assert.Equal(executionTime, Assert.Single(report.Usage.Attempts).ExecutionTimeMs);
    }
}
