using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Transcoding.Shared;
using Transcoding.Shared.Webhooks;
using Transcoding.Worker.Jobs;
using Transcoding.Worker.Serverless;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Serverless;

/// <summary>job-take answers read as runpod-python 1.12.0 reads them (rp_job.py:138-192, rp_scale.py:190-228).</summary>
public class JobTakeTests
{
    /// <summary>A job-take after a "no job" answer, on a clock that never moves: any wait would hold it back forever.</summary>
    private static async Task AssertAskedAgainAtOnceAsync(ScriptedAnswer noJob)
    {
        await using var runPod = await FakeRunPod.StartAsync();
        var time = new WaitRecordingTimeProvider();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, services: s => s.AddSingleton<TimeProvider>(time));
        runPod.EnqueueTake(noJob);

        await harness.Host.StartAsync();

        await Eventually.True(() => runPod.Takes.Count >= 2, "a second job-take, with the clock standing still");
    }

    [Fact]
    public Task When_job_take_answers_400_the_worker_asks_again_at_once() => AssertAskedAgainAtOnceAsync(new ScriptedAnswer(400));

    [Fact]
    public Task When_job_take_answers_204_the_worker_asks_again_at_once() => AssertAskedAgainAtOnceAsync(new ScriptedAnswer(204));

    [Fact]
    public Task When_job_take_answers_an_empty_200_the_worker_asks_again_at_once() => AssertAskedAgainAtOnceAsync(new ScriptedAnswer(200, "", "application/json"));

    /// <summary>The worker waits <paramref name="seconds"/> on its clock after <paramref name="status"/>, and asks again once they pass.</summary>
    private static async Task AssertWaitsAsync(int status, int seconds)
    {
        await using var runPod = await FakeRunPod.StartAsync();
        var time = new WaitRecordingTimeProvider();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, services: s => s.AddSingleton<TimeProvider>(time));
        runPod.EnqueueTake(new ScriptedAnswer(status));

        await harness.Host.StartAsync();
        await time.WaitStartedAsync(TimeSpan.FromSeconds(seconds));

        Assert.Single(runPod.Takes);
        time.Clock.Advance(TimeSpan.FromSeconds(seconds));
        await Eventually.True(() => runPod.Takes.Count >= 2, $"job-take again once {seconds} s passed");
    }

    [Fact]
    public Task When_job_take_answers_429_the_worker_waits_5_seconds() => AssertWaitsAsync(429, 5);

    /// <summary>The SDK asks again at once (rp_scale.py:222-228); this worker backs off 3 s so an outage is not hammered.</summary>
    [Fact]
    public Task When_job_take_answers_500_the_worker_waits_before_asking_again() => AssertWaitsAsync(500, 3);

    [Fact]
    public async Task When_a_job_input_does_not_parse_job_done_says_invalid_input_permanent_at_once()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod);
        runPod.EnqueueTake(new ScriptedAnswer(200, """{"id": "job-unreadable", "input": {"mediaId": "s3cr3t-not-a-guid", "attempt": 1, "sourceKey": "uploads/a.mp4"}}""", "application/json"));

        await harness.Host.StartAsync();
        var done = await runPod.DoneAsync("job-unreadable");

        var text = done["error"]!.GetValue<string>();
        var error = WorkerJobError.Parse(text)!;
        Assert.Equal((JobErrorCodes.InvalidInput, true), (error.Code, error.Permanent));
        Assert.Equal("input does not parse: $.mediaId: The JSON value could not be converted to System.Guid.", error.Message);
        Assert.DoesNotContain("s3cr3t", text);
        Assert.Null(done["output"]);
    }

    [Theory]
    [InlineData("""{"id": "job-no-input"}""")]
    [InlineData("""{"id": "job-no-input", "input": null}""")]
    public async Task When_a_job_has_an_id_but_no_input_job_done_says_invalid_input(string job)
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod);
        runPod.EnqueueTake(new ScriptedAnswer(200, job, "application/json"));

        await harness.Host.StartAsync();
        var done = await runPod.DoneAsync("job-no-input");

        var error = JsonSerializer.Deserialize<CallbackError>(done["error"]!.GetValue<string>(), JsonDefaults.Web)!;
        Assert.Equal(new CallbackError(JobErrorCodes.InvalidInput, "The job has no input.", Permanent: true), error);
    }

    [Fact]
    public async Task When_job_take_answers_a_job_without_an_id_the_worker_logs_it_and_asks_again()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, services: s => s.AddLogging(l => l.AddFakeLogging()));
        runPod.EnqueueTake(new ScriptedAnswer(200, """{"input": {"mediaId": "6f1c2a9e-0000-4000-8000-00000000c4ec"}}""", "application/json"));
        runPod.EnqueueTake(new ScriptedAnswer(200, """{"id": "job-after"}""", "application/json"));

        await harness.Host.StartAsync();
        await runPod.DoneAsync("job-after");

        var done = Assert.Single(runPod.DonePosts);
        Assert.EndsWith("/job-after", done.Path);
        Assert.Contains(harness.Host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message == "job-take answered a job without a string id; skipped");
    }
}
