using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.Orchestrator.StatusApi;
using Transcoding.Shared;

namespace Transcoding.EndToEnd.Tests;

public sealed class WrongKeyPipeline() : Pipeline(new PipelineSettings(DispatcherApiKey: WrongKeyPipeline.WrongKey))
{
    public const string WrongKey = "rpa_MISTYPED_IN_THE_DEPLOY";
}

/// <summary>
/// A deploy with a mistyped RunPod key, on RabbitMQ, PostgreSQL and the local RunPod endpoint (which answers 401 to a
/// wrong key): the item waits with the reason, the dispatcher is not ready, and after a redeploy with the right key the
/// item completes with its first attempt.
/// </summary>
public sealed class When_the_RunPod_key_is_wrong(WrongKeyPipeline pipeline) : IClassFixture<WrongKeyPipeline>
{
    [Fact]
    public async Task When_run_answers_401_no_attempt_is_spent_and_the_item_resumes_after_the_key_is_fixed()
    {
        var clip = await Media.GenerateClipAsync(pipeline.Bucket + "-sources", 640, 360, seconds: 2);
        var mediaId = await pipeline.UploadAsync(clip, "video/mp4");

        // Two reports: the command came back through the scheduler after the first refusal, and still nothing is spent.
        await Eventually.True(() => pipeline.Orchestrated.Consumed.OfType<TranscodeWaiting>().Count(w => w.MediaId == mediaId) >= 2,
            "the saga told twice that the attempt waits");
        var waiting = await StatusAsync(mediaId);
        Assert.Equal(("transcoding", 1, null), (waiting.State, waiting.AttemptsUsed, waiting.Failure));
        Assert.NotNull(waiting.Waiting);
        Assert.Equal("RunPod refused the API key (HTTP 401 on run): check RunPod:ApiKey.", waiting.Waiting.Reason);
        Assert.DoesNotContain(waiting.History, h => h.To == "failed");

        using var dispatcher = new HttpClient { BaseAddress = new Uri(pipeline.Dispatcher) };
        using var ready = await dispatcher.GetAsync("/health/ready");
        var readiness = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("runpod-configuration: RunPod refused the API key (HTTP 401 on run): check RunPod:ApiKey.", readiness);
        Assert.DoesNotContain(WrongKeyPipeline.WrongKey, readiness);
        Assert.DoesNotContain(pipeline.RunPodApiKey, readiness);

        await pipeline.RestartDispatcherAsync(pipeline.RunPodApiKey);

        var status = await pipeline.WaitForTerminalStateAsync(mediaId, TimeSpan.FromMinutes(4));
        Assert.True(status.State == "ready", $"state {status.State}: {status.Failure}");
        Assert.Equal(1, status.AttemptsUsed);
        Assert.Null(status.Waiting);
        Assert.DoesNotContain(status.History, h => h.To == "failed");
        var jobs = (await pipeline.RunPod.GetFromJsonAsync<JsonElement>("/v2/e2e/health", JsonDefaults.Web)).GetProperty("jobs");
        Assert.Equal(0, jobs.GetProperty("failed").GetInt32() + jobs.GetProperty("inQueue").GetInt32());
    }

    private async Task<MediaStatus> StatusAsync(Guid mediaId) =>
        (await pipeline.Orchestrator.GetFromJsonAsync<MediaStatus>($"/media/{mediaId}", JsonDefaults.Web))!;
}
