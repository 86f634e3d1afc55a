using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Transcoding.Contracts;
using Transcoding.Shared;
using Transcoding.Shared.Webhooks;
using Transcoding.Testing;
using Transcoding.Worker.Jobs;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Serverless;

/// <summary>The RunPod loop over real HTTP: a fake RunPod and a fake gateway on 127.0.0.1, the real worker host.</summary>
public class ServerlessWorkerTests
{
    [Fact]
    public async Task When_a_job_is_queued_the_worker_takes_it_transcodes_it_and_posts_job_done()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var callbacks = await CallbackReceiver.StartAsync(WorkerHarness.Secret);
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod);
        var mediaId = Guid.NewGuid();
        runPod.Enqueue(new RunPodJob { Id = "job-ok", Input = WorkerHarness.Input(mediaId, await harness.UploadSourceAsync(await Clips.VideoWithAudio), callbacks.Url) });

        await harness.Host.StartAsync();
        var done = await runPod.DoneAsync("job-ok");

        var outputs = done["output"].Deserialize<TranscodeOutputs>(JsonDefaults.Web)!;
        Assert.Null(done["error"]);
        Assert.Equal($"media/{mediaId:D}/hls/master.m3u8", outputs.MasterPlaylistKey);
        Assert.Equal("libx264", outputs.Encoder);
        Assert.True(File.Exists(harness.OutputPath(mediaId, "manifest.json")));
        Assert.Contains(runPod.Takes, take => take.Path + take.Query == "/v2/ep-test/job-take/pod-1?gpu=local&job_in_progress=0");
        Assert.All(runPod.Requests, request => Assert.Equal(FakeRunPod.ApiKey, request.Header("Authorization")));
        Assert.NotEmpty(runPod.Progress);
        Assert.All(runPod.Progress, p => Assert.Equal("job-ok", p.JobId));

        var completed = Assert.Single(callbacks.Final);
        Assert.Equal(CallbackStatus.Completed, completed.Status);
        Assert.All(callbacks.Received, r => Assert.Equal(WebhookVerificationResult.Valid, r.Verification));
        Assert.Equal(JsonSerializer.Serialize(outputs, JsonDefaults.Web), JsonSerializer.Serialize(completed.Outputs, JsonDefaults.Web));

        // Still polling afterwards; the loop takes again only after its job-done posts, so by then all were made: one.
        var takes = runPod.Takes.Count;
        await Eventually.True(() => runPod.Takes.Count > takes, "the worker to poll job-take again after job-done");
        Assert.Single(runPod.DonePosts);
    }

    [Fact]
    public async Task When_a_job_fails_job_done_carries_the_error_as_a_json_string()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var callbacks = await CallbackReceiver.StartAsync(WorkerHarness.Secret);
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod);
        var mediaId = Guid.NewGuid();
        runPod.Enqueue(new RunPodJob { Id = "job-bad", Input = WorkerHarness.Input(mediaId, await harness.UploadSourceAsync(await Clips.Corrupt), callbacks.Url) });

        await harness.Host.StartAsync();
        var done = await runPod.DoneAsync("job-bad");

        Assert.Null(done["output"]);
        var error = JsonSerializer.Deserialize<CallbackError>(done["error"]!.GetValue<string>(), JsonDefaults.Web)!;
        Assert.Equal((JobErrorCodes.SourceUnreadable, true), (error.Code, error.Permanent));
        Assert.Equal(error, Assert.Single(callbacks.Final).Error);
        Assert.Empty(harness.Outputs(mediaId));
    }

    [Fact]
    public async Task When_job_done_is_refused_it_is_posted_again()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod);
        runPod.AnswerDone(503, 503);
        runPod.Enqueue(new RunPodJob { Id = "job-retry", Input = WorkerHarness.Input(Guid.NewGuid(), "uploads/missing.mp4") });

        await harness.Host.StartAsync();
        var done = await runPod.DoneAsync("job-retry");

        Assert.Equal(3, runPod.DonePosts.Count);
        Assert.Contains("source_missing", done["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task When_the_worker_is_stopped_mid_job_the_job_is_reported_as_a_transient_failure()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod);
        var mediaId = Guid.NewGuid();
        runPod.Enqueue(new RunPodJob { Id = "job-stop", Input = WorkerHarness.Input(mediaId, await harness.UploadSourceAsync(await Clips.VideoWithAudio)) });
        Task? stopping = null;
        runPod.OnProgress = _ => stopping ??= Task.Run(() => harness.Host.StopAsync());

        await harness.Host.StartAsync();
        var done = await runPod.DoneAsync("job-stop");
        await stopping!;

        var error = JsonSerializer.Deserialize<CallbackError>(done["error"]!.GetValue<string>(), JsonDefaults.Web)!;
        Assert.Equal((JobErrorCodes.WorkerShutdown, false), (error.Code, error.Permanent));
        Assert.Empty(harness.Outputs(mediaId));
        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.WorkDir));
    }

    [Fact]
    public async Task When_the_worker_talks_to_runpod_the_api_key_is_never_logged()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, services: s => s.AddLogging(l => l.AddFakeLogging().SetMinimumLevel(LogLevel.Trace)));
        runPod.FailPings(2);
        runPod.EnqueueStop(new ScriptedAnswer(200, "not json", "text/plain"));
        runPod.EnqueueTake(new ScriptedAnswer(200, """{"input": {}}""", "application/json"));
        runPod.EnqueueTake(new ScriptedAnswer(500));
        runPod.AnswerDone(503, 404);
        runPod.Enqueue(new RunPodJob { Id = "job-refused" });
        runPod.Enqueue(new RunPodJob { Id = "job-last" });

        await harness.Host.StartAsync();
        await runPod.DoneAsync("job-last");
        var logs = harness.Host.Services.GetFakeLogCollector();
        await Eventually.True(() => logs.GetSnapshot().Any(r => r.Message.StartsWith("Heartbeat to RunPod failed: HTTP 500", StringComparison.Ordinal)), "a failed ping logged");

        logs.AssertNoneLogged([FakeRunPod.ApiKey]);
    }

    [Fact]
    public async Task When_runpod_variables_are_missing_serverless_mode_refuses_to_start()
    {
        await using var harness = await WorkerHarness.StartAsync(WorkerMode.Serverless, start: false);

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => harness.Host.StartAsync());

        Assert.Contains("RUNPOD_WEBHOOK_GET_JOB is required in serverless mode.", error.Message);
    }
}
