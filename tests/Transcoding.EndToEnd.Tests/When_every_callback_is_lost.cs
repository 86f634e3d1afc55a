using System.Net.Http.Json;
using System.Text.Json;
using Transcoding.Shared;

namespace Transcoding.EndToEnd.Tests;

public sealed class LostCallbackPipeline() : Pipeline(new PipelineSettings(LoseCallbacks: true, AttemptTimeout: TimeSpan.FromSeconds(8)));

/// <summary>Neither the worker's callback nor RunPod's webhook gets through: the attempt's deadline makes the saga
/// poll RunPod, which finds the finished job, and the item becomes ready without a second GPU job.</summary>
public sealed class When_every_callback_is_lost(LostCallbackPipeline pipeline) : IClassFixture<LostCallbackPipeline>
{
    [Fact]
    public async Task Status_polling_finishes_the_attempt_with_one_job()
    {
        var clip = await Media.GenerateClipAsync(pipeline.Bucket + "-sources", 640, 360, seconds: 2);
        var mediaId = await pipeline.UploadAsync(clip, "video/mp4");

        var status = await pipeline.WaitForTerminalStateAsync(mediaId, TimeSpan.FromMinutes(4));

        Assert.True(status.State == "ready", $"state {status.State}: {status.Failure}");
        Assert.Equal(1, status.AttemptsUsed);
        Assert.NotNull(status.Outputs);
        var health = await pipeline.RunPod.GetFromJsonAsync<JsonElement>("/v2/e2e/health", JsonDefaults.Web);
        var jobs = health.GetProperty("jobs");
        Assert.Equal(1, jobs.GetProperty("completed").GetInt32());
        Assert.Equal(0, jobs.GetProperty("failed").GetInt32() + jobs.GetProperty("inQueue").GetInt32() + jobs.GetProperty("inProgress").GetInt32());
    }
}
