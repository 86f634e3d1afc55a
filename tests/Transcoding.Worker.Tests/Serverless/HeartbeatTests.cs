using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Transcoding.Worker.Jobs;
using Transcoding.Worker.Serverless;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Serverless;

/// <summary>The heartbeat as runpod-python 1.12.0 sends it (rp_ping.py:93-115, worker_state.py:155-162).</summary>
public class HeartbeatTests
{
    [Fact]
    public async Task When_the_worker_is_idle_its_pings_carry_no_job_id()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, new Dictionary<string, string?> { ["RUNPOD_PING_INTERVAL"] = "200" });

        await harness.Host.StartAsync();
        await Eventually.True(() => runPod.Pings.Count >= 3, "three pings");

        Assert.All(runPod.Pings, ping =>
        {
            Assert.Equal("GET", ping.Method);
            Assert.Equal($"/v2/{FakeRunPod.EndpointId}/ping/{FakeRunPod.PodId}", ping.Path);
            Assert.Equal(["gpu", "runpod_version"], ping.QueryParameters.Select(p => p.Key));
            Assert.StartsWith("transcoding-worker-", ping.QueryParameters[1].Value);
            Assert.Equal(FakeRunPod.ApiKey, ping.Header("Authorization"));
        });
    }

    [Fact]
    public async Task When_a_job_runs_every_ping_names_it()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, new Dictionary<string, string?> { ["RUNPOD_PING_INTERVAL"] = "100" });
        runPod.Enqueue(new RunPodJob { Id = "job-pinged", Input = WorkerHarness.Input(Guid.NewGuid(), await harness.UploadSourceAsync(await Clips.VideoWithAudio)) });

        await harness.Host.StartAsync();
        await runPod.DoneAsync("job-pinged");
        await Eventually.True(() => runPod.PingedJobIds is [.., null], "a ping without the job once it is done");

        // From the first progress post (the job is surely held) to its result, every ping names it, and only it.
        var requests = runPod.Requests.ToList();
        var from = requests.FindIndex(r => r.Route == "job-done");
        var to = requests.FindLastIndex(r => r.Route == "job-done");
        var during = requests[from..to].Where(r => r.Route == "ping").ToList();
        Assert.NotEmpty(during);
        Assert.All(during, ping => Assert.Equal("job-pinged", ping.QueryParameters.Single(p => p.Key == "job_id").Value));
    }

    [Fact]
    public async Task When_ffmpeg_hangs_pings_keep_coming_every_interval()
    {
        using var ffmpeg = new StallingFfmpeg();
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, new Dictionary<string, string?>
        {
            ["RUNPOD_PING_INTERVAL"] = "200",
            ["Worker:FfmpegPath"] = ffmpeg.Path,
            ["Worker:Encoder"] = "libx264",
        });
        ffmpeg.Arm();
        runPod.Enqueue(new RunPodJob { Id = "job-hung", Input = WorkerHarness.Input(Guid.NewGuid(), await harness.UploadSourceAsync(await Clips.VideoWithAudio)) });

        await harness.Host.StartAsync();
        var pid = await ffmpeg.StalledAsync();
        var before = runPod.Pings.Count;
        await Eventually.True(() => runPod.PingedJobIds.Skip(before).Count(id => id == "job-hung") >= 5, "five pings naming the job while its encode hangs");

        Assert.True(StallingFfmpeg.IsRunning(pid), "the encode still hangs");
    }

    [Fact]
    public async Task When_RUNPOD_WEBHOOK_PING_is_absent_the_worker_still_takes_jobs()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, new Dictionary<string, string?> { ["RUNPOD_WEBHOOK_PING"] = null },
            services: s => s.AddLogging(l => l.AddFakeLogging()));
        runPod.Enqueue(new RunPodJob { Id = "job-unpinged" });

        await harness.Host.StartAsync();
        await runPod.DoneAsync("job-unpinged");

        var said = Assert.Single(harness.Host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Message.StartsWith("RUNPOD_WEBHOOK_PING is not set", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, said.Level);
        Assert.Empty(runPod.Pings);
    }

    [Fact]
    public async Task When_a_ping_fails_the_next_one_is_sent()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, new Dictionary<string, string?> { ["RUNPOD_PING_INTERVAL"] = "100" });
        runPod.FailPings(2);

        await harness.Host.StartAsync();

        await Eventually.True(() => runPod.Pings.Count >= 3, "a third ping after two answered 500");
    }

    [Fact]
    public async Task When_RUNPOD_PING_INTERVAL_is_absent_pings_are_10_seconds_apart()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        var time = new WaitRecordingTimeProvider();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, new Dictionary<string, string?> { ["RUNPOD_PING_INTERVAL"] = null },
            services: s => s.AddSingleton<TimeProvider>(time));

        await harness.Host.StartAsync();
        await Eventually.True(() => runPod.Pings.Count == 1, "the first ping, at once");
        await time.WaitStartedAsync(TimeSpan.FromSeconds(10));

        Assert.Single(runPod.Pings);
        time.Clock.Advance(TimeSpan.FromSeconds(10));
        await Eventually.True(() => runPod.Pings.Count == 2, "the second ping 10 s later");
        await time.WaitStartedAsync(TimeSpan.FromSeconds(10), count: 2);
    }

    [Fact]
    public async Task When_RUNPOD_PING_INTERVAL_is_not_a_number_serverless_mode_refuses_to_start()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod, new Dictionary<string, string?> { ["RUNPOD_PING_INTERVAL"] = "10s" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => harness.Host.StartAsync());

        Assert.Contains("RUNPOD_PING_INTERVAL must be a whole number of milliseconds, at least 100 (it is '10s').", error.Message);
    }
}
