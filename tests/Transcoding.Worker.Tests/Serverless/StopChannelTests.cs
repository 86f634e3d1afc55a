using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Transcoding.Contracts;
using Transcoding.Shared.Webhooks;
using Transcoding.Worker.Jobs;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Serverless;

/// <summary>The stop channel as runpod-python 1.12.0 polls it (rp_job.py:29-101, rp_scale.py:275-368).</summary>
public class StopChannelTests
{
    private static Dictionary<string, string?> Stalling(StallingFfmpeg ffmpeg) => new()
    {
        ["Worker:FfmpegPath"] = ffmpeg.Path,
        ["Worker:Encoder"] = "libx264",
    };

    [Fact]
    public async Task When_the_stop_channel_names_the_running_job_ffmpeg_is_killed_within_5_seconds_and_nothing_is_reported()
    {
        using var ffmpeg = new StallingFfmpeg();
        await using var runPod = await FakeRunPod.StartAsync();
        await using var callbacks = await CallbackReceiver.StartAsync(WorkerHarness.Secret);
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, Stalling(ffmpeg));
        var mediaId = Guid.NewGuid();
        ffmpeg.Arm();
        runPod.Enqueue(new RunPodJob { Id = "job-stopped", Input = WorkerHarness.Input(mediaId, await harness.UploadSourceAsync(await Clips.VideoWithAudio), callbacks.Url) });

        await harness.Host.StartAsync();
        var pid = await ffmpeg.StalledAsync();
        runPod.Stop("job-stopped");

        await Eventually.True(() => !StallingFfmpeg.IsRunning(pid), "ffmpeg killed", TimeSpan.FromSeconds(5));
        // The loop asks for its next job only once the stopped one is cleaned up and settled.
        await Eventually.True(() => runPod.Takes.Count >= 2, "the next job-take");
        Assert.Empty(runPod.DonePosts);
        Assert.Empty(callbacks.Final);
        Assert.Empty(harness.Outputs(mediaId));
        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.WorkDir));
        await Eventually.True(() => runPod.PingedJobIds is [.., null], "a ping that no longer names the job");
    }

    [Fact]
    public async Task When_a_job_is_stopped_the_worker_takes_the_next_job()
    {
        using var ffmpeg = new StallingFfmpeg();
        await using var runPod = await FakeRunPod.StartAsync();
        await using var callbacks = await CallbackReceiver.StartAsync(WorkerHarness.Secret);
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, Stalling(ffmpeg));
        var source = await harness.UploadSourceAsync(await Clips.VideoWithAudio);
        var (stopped, next) = (Guid.NewGuid(), Guid.NewGuid());
        ffmpeg.Arm();
        runPod.Enqueue(new RunPodJob { Id = "job-first", Input = WorkerHarness.Input(stopped, source, callbacks.Url) });
        runPod.Enqueue(new RunPodJob { Id = "job-second", Input = WorkerHarness.Input(next, source, callbacks.Url) });

        await harness.Host.StartAsync();
        await ffmpeg.StalledAsync();
        runPod.Stop("job-first");
        var done = await runPod.DoneAsync("job-second");

        Assert.NotNull(done["output"]);
        Assert.EndsWith("/job-second", Assert.Single(runPod.DonePosts).Path);
        var final = Assert.Single(callbacks.Final);
        Assert.Equal((next, CallbackStatus.Completed), (final.MediaId, final.Status));
        Assert.Empty(harness.Outputs(stopped));
        Assert.NotEmpty(harness.Outputs(next));
    }

    [Fact]
    public async Task When_the_stop_channel_names_an_unknown_job_nothing_happens()
    {
        using var ffmpeg = new StallingFfmpeg();
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, Stalling(ffmpeg));
        ffmpeg.Arm();
        runPod.Enqueue(new RunPodJob { Id = "job-kept", Input = WorkerHarness.Input(Guid.NewGuid(), await harness.UploadSourceAsync(await Clips.VideoWithAudio)) });

        await harness.Host.StartAsync();
        var pid = await ffmpeg.StalledAsync();
        runPod.Stop("job-elsewhere");
        await runPod.StopAnswersHandledAsync();

        Assert.True(StallingFfmpeg.IsRunning(pid), "the running job's encode goes on");
        Assert.Empty(runPod.DonePosts);
    }

    [Fact]
    public async Task When_the_stop_channel_answers_non_json_it_is_ignored()
    {
        using var ffmpeg = new StallingFfmpeg();
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, Stalling(ffmpeg), services: s => s.AddLogging(l => l.AddFakeLogging()));
        ffmpeg.Arm();
        runPod.Enqueue(new RunPodJob { Id = "job-kept", Input = WorkerHarness.Input(Guid.NewGuid(), await harness.UploadSourceAsync(await Clips.VideoWithAudio)) });

        await harness.Host.StartAsync();
        var pid = await ffmpeg.StalledAsync();
        runPod.EnqueueStop(new ScriptedAnswer(200, """{"jobsToStop": ["job-kept"]}""", "text/plain"));
        await runPod.StopAnswersHandledAsync();

        Assert.True(StallingFfmpeg.IsRunning(pid), "the encode goes on");
        Assert.Contains(harness.Host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("content type text/plain", StringComparison.Ordinal));
        runPod.Stop("job-kept");
        await Eventually.True(() => !StallingFfmpeg.IsRunning(pid), "a JSON answer still stops it");
    }

    [Fact]
    public async Task When_the_stop_channel_answers_204_it_is_asked_again_after_a_second()
    {
        await AssertWaitsAsync(new ScriptedAnswer(204), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task When_the_stop_channel_answers_429_it_waits_5_seconds()
    {
        await AssertWaitsAsync(new ScriptedAnswer(429), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task When_the_job_take_url_has_no_job_take_segment_the_stop_channel_is_off_and_a_warning_says_so()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        var take = runPod.WorkerEnvironment["RUNPOD_WEBHOOK_GET_JOB"]!.Replace("/job-take/", "/take/", StringComparison.Ordinal);
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, new Dictionary<string, string?> { ["RUNPOD_WEBHOOK_GET_JOB"] = take },
            services: s => s.AddLogging(l => l.AddFakeLogging()));

        await harness.Host.StartAsync();

        var logs = harness.Host.Services.GetFakeLogCollector();
        await Eventually.True(() => logs.GetSnapshot().Any(r => r.Level == LogLevel.Warning && r.Message.StartsWith("RUNPOD_WEBHOOK_GET_JOB has no /job-take/ segment: no stop channel", StringComparison.Ordinal)), "the warning");
        Assert.Empty(runPod.StopPolls);
    }

    [Fact]
    public async Task When_a_stop_arrives_after_the_final_callback_it_changes_nothing()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var callbacks = await CallbackReceiver.StartAsync(WorkerHarness.Secret);
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod);
        var mediaId = Guid.NewGuid();
        runPod.Enqueue(new RunPodJob { Id = "job-late-stop", Input = WorkerHarness.Input(mediaId, await harness.UploadSourceAsync(await Clips.VideoWithAudio), callbacks.Url) });
        callbacks.BeforeAnswer = async callback =>
        {
            if (callback.Status != CallbackStatus.Progress)
            {
                // The worker waits on this delivery while the stop reaches it and is acted on.
                runPod.Stop("job-late-stop");
                await runPod.StopAnswersHandledAsync();
            }
        };

        await harness.Host.StartAsync();
        var done = await runPod.DoneAsync("job-late-stop");

        Assert.NotNull(done["output"]);
        Assert.Equal(CallbackStatus.Completed, Assert.Single(callbacks.Final).Status);
        Assert.Contains("manifest.json", harness.Outputs(mediaId));
    }

    /// <summary>After <paramref name="answer"/> the channel waits <paramref name="wait"/> on its clock, then polls again.</summary>
    private static async Task AssertWaitsAsync(ScriptedAnswer answer, TimeSpan wait)
    {
        await using var runPod = await FakeRunPod.StartAsync();
        var time = new WaitRecordingTimeProvider();
        // No heartbeat: its waits would be counted with the channel's.
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, new Dictionary<string, string?> { ["RUNPOD_WEBHOOK_PING"] = null },
            services: s => s.AddSingleton<TimeProvider>(time));
        runPod.EnqueueStop(answer);

        await harness.Host.StartAsync();
        await time.WaitStartedAsync(wait);

        Assert.Single(runPod.StopPolls);
        time.Clock.Advance(wait);
        await Eventually.True(() => runPod.StopPolls.Count >= 2, $"job-stop again once {wait.TotalSeconds} s passed");
    }
}
