using System.Text.Json;
using Transcoding.Worker.Jobs;
using Transcoding.Worker.Serverless;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Serverless;

/// <summary>job-done posts as runpod-python 1.12.0 sends them (rp_http.py:29-63, rp_progress.py:21).</summary>
public class JobDoneTests
{
    private static void AssertSentAsTheSdkDoes(RecordedRequest post, string jobId)
    {
        Assert.Equal("POST", post.Method);
        Assert.Equal($"/v2/{FakeRunPod.EndpointId}/job-done/{FakeRunPod.PodId}/{jobId}", post.Path);
        Assert.Equal("?gpu=local&isStream=false", post.Query);
        Assert.Equal("application/x-www-form-urlencoded", post.ContentType);
        Assert.Equal(FakeRunPod.ApiKey, post.Header("Authorization"));
        Assert.Equal(jobId, post.Header("X-Request-ID"));
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(post.Body).RootElement.ValueKind);
    }

    [Fact]
    public async Task When_a_result_is_posted_it_carries_the_sdk_content_type_isStream_false_and_the_bare_key()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod);
        runPod.Enqueue(new RunPodJob { Id = "job-result" });

        await harness.Host.StartAsync();
        await runPod.DoneAsync("job-result");

        var post = Assert.Single(runPod.DonePosts);
        AssertSentAsTheSdkDoes(post, "job-result");
        Assert.Equal(["error"], JsonDocument.Parse(post.Body).RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task When_progress_is_posted_it_carries_the_sdk_content_type_and_isStream_false()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod);
        runPod.Enqueue(new RunPodJob { Id = "job-progress", Input = WorkerHarness.Input(Guid.NewGuid(), await harness.UploadSourceAsync(await Clips.VideoWithAudio)) });

        await harness.Host.StartAsync();
        await runPod.DoneAsync("job-progress");

        var posts = runPod.Requests.Where(r => r.Route == "job-done" && r.Body.Contains("IN_PROGRESS", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(posts);
        Assert.All(posts, post =>
        {
            AssertSentAsTheSdkDoes(post, "job-progress");
            var body = JsonDocument.Parse(post.Body).RootElement;
            Assert.Equal("IN_PROGRESS", body.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Number, body.GetProperty("output").GetProperty("progress").ValueKind);
        });
    }

    /// <summary>The loop takes its next job only once job-done gave up, so the next job's result marks the end.</summary>
    [Fact]
    public async Task When_job_done_answers_404_it_is_not_posted_again()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod);
        runPod.AnswerDone(404);
        runPod.Enqueue(new RunPodJob { Id = "job-refused" });
        runPod.Enqueue(new RunPodJob { Id = "job-next" });

        await harness.Host.StartAsync();
        await runPod.DoneAsync("job-next");

        Assert.Single(runPod.DonePosts, post => post.Path.EndsWith("/job-refused", StringComparison.Ordinal));
    }
}
