using System.Diagnostics;
using Transcoding.LocalRunPod.Tests.Support;
using Transcoding.Testing;

namespace Transcoding.LocalRunPod.Tests.Workers;

/// <summary>The process pool with a bash worker that speaks the RunPod worker protocol over real HTTP.</summary>
public sealed class WorkerPoolTests : IDisposable
{
    private readonly BashWorker _worker = new();

    public void Dispose() => _worker.Dispose();

    [Fact]
    public async Task When_the_pool_starts_its_worker_takes_a_job_and_completes_it_with_the_configured_environment()
    {
        var settings = _worker.Settings();
        settings["LocalRunPod:WorkerEnvironment:Storage:LocalRoot"] = "/tmp/bucket-for-test";
        await using var server = await LocalRunPodTestServer.StartAsync(settings);

        var jobId = await server.RunAsync(new { mode = "echo", value = 7 });

        var status = await server.WaitForStatusAsync(jobId, "COMPLETED");
        var output = status.GetProperty("output");
        Assert.Equal(7, output.GetProperty("echo").GetProperty("value").GetInt32());
        Assert.Equal("local-worker-1-1", output.GetProperty("worker").GetString());
        Assert.Equal("/tmp/bucket-for-test", output.GetProperty("storageRoot").GetString());
    }

    [Fact]
    public async Task When_the_host_has_its_own_secrets_in_its_environment_the_workers_do_not_get_them()
    {
        Environment.SetEnvironmentVariable("LOCALRUNPOD_TEST_LEAK", "host-secret");
        try
        {
            await using var server = await LocalRunPodTestServer.StartAsync(_worker.Settings());

            var jobId = await server.RunAsync(new { mode = "echo" });

            var output = (await server.WaitForStatusAsync(jobId, "COMPLETED")).GetProperty("output");
            Assert.Equal("", output.GetProperty("leaked").GetString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("LOCALRUNPOD_TEST_LEAK", null);
        }
    }

    [Fact]
    public async Task When_a_worker_process_exits_mid_job_the_job_fails_the_webhook_says_so_and_a_new_worker_takes_over()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var server = await LocalRunPodTestServer.StartAsync(_worker.Settings());

        var crashed = await server.RunAsync(new { mode = "crash" }, webhook.Url);

        var failed = await server.WaitForStatusAsync(crashed, "FAILED");
        Assert.Equal("worker exited", failed.GetProperty("error").GetString());
        var delivered = await webhook.WaitForDeliveryAsync();
        Assert.Equal(("FAILED", "worker exited"), (delivered.GetProperty("status").GetString(), delivered.GetProperty("error").GetString()));

        var next = await server.RunAsync(new { mode = "echo" });
        var completed = await server.WaitForStatusAsync(next, "COMPLETED");
        Assert.Equal("local-worker-1-2", completed.GetProperty("output").GetProperty("worker").GetString());
    }

    [Fact]
    public async Task When_a_worker_exits_leaving_a_child_process_behind_its_job_still_fails_at_once()
    {
        await using var server = await LocalRunPodTestServer.StartAsync(_worker.Settings());

        var crashed = await server.RunAsync(new { mode = "crash-leaving-child" });

        try
        {
            // Waiting for the end of the worker's output would take the orphan's 600 s; this waits far less.
            var failed = await server.WaitForStatusAsync(crashed, "FAILED");
            Assert.Equal("worker exited", failed.GetProperty("error").GetString());
        }
        finally
        {
            // The orphan is the crashed worker's doing, not the pool's: the test cleans it up.
            if (_worker.Pid("local-worker-1-1", "child") is { } orphan)
            {
                Process.GetProcessById(orphan).Kill();
            }
        }
    }

    /// <summary>
    /// Every service's web host (<c>ServiceHost</c>) has its content root in its own folder: started from a folder of
    /// 300 subfolders it holds fewer watches than that (configuration reload watched the working directory's whole tree).
    /// </summary>
    [Fact]
    public async Task When_the_endpoint_process_starts_in_a_folder_with_many_subfolders_it_does_not_watch_them()
    {
        const int Folders = 300;
        var folder = InotifyWatches.FolderWithSubfolders(Folders);
        try
        {
            await using var endpoint = await ServiceProcess.StartAsync("Transcoding.LocalRunPod", EndpointEnvironment(), workingDirectory: folder.FullName);

            var watches = InotifyWatches.Count(endpoint.Id);
            Assert.True(watches < Folders, $"the endpoint holds {watches} inotify watches, started in a folder of {Folders} subfolders");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The endpoint as its own process, SIGKILLed while its worker runs (the chaos run does it): no shutdown code runs,
    /// yet the worker must not stay behind taking jobs nobody owns.
    /// </summary>
    [Fact]
    public async Task When_the_endpoint_process_is_killed_its_worker_processes_die_with_it()
    {
        await using var endpoint = await ServiceProcess.StartAsync("Transcoding.LocalRunPod", EndpointEnvironment());
        var worker = await Eventually.Until(() => _worker.Pid("local-worker-1-1"), pid => pid is not null, "the worker to write its pid");
        try
        {
            endpoint.Kill();

            await Eventually.True(() => WorkerProcesses.HasEnded(worker!.Value), $"the worker ({worker}) to end with the endpoint ({endpoint.Id})",
                TimeSpan.FromSeconds(15));
        }
        finally
        {
            // Should the property break, the orphan (polling for ever) is the test's to end.
            if (!WorkerProcesses.HasEnded(worker!.Value))
            {
                Process.GetProcessById(worker.Value).Kill();
            }
        }
    }

    [Fact]
    public async Task When_a_spawned_worker_ignores_a_stop_it_is_killed_after_the_grace_period()
    {
        var settings = _worker.Settings();
        settings["LocalRunPod:StopGracePeriod"] = "00:00:02";
        await using var server = await LocalRunPodTestServer.StartAsync(settings);

        // Long enough for the worker to start its child before the timeout, even on a loaded machine: the test is
        // about what the kill takes, so both processes must exist first. The bash worker never polls job-stop.
        var hung = await server.RunAsync(new { mode = "hang" }, policy: new { executionTimeout = 3000 });
        var child = await Eventually.Until(() => _worker.Pid("local-worker-1-1", "child"), pid => pid is not null, "the hung job's child to write its pid");
        var worker = _worker.Pid("local-worker-1-1");
        Assert.True(IsAlive(worker) && IsAlive(child), "the worker and its child run until the timeout");

        await server.WaitForStatusAsync(hung, "TIMED_OUT");
        var next = await server.RunAsync(new { mode = "echo" });
        var completed = await server.WaitForStatusAsync(next, "COMPLETED");
        Assert.Equal("local-worker-1-2", completed.GetProperty("output").GetProperty("worker").GetString());
        await WaitForExitAsync(worker);
        await WaitForExitAsync(child);
        var records = server.Logs.GetSnapshot();
        var stopped = records.Single(record => record.Message.StartsWith($"Job {hung} ended TIMED_OUT while worker local-worker-1-1 ran it", StringComparison.Ordinal)).Timestamp;
        var killed = records.Single(record => record.Message.StartsWith("Killing worker local-worker-1-1", StringComparison.Ordinal)).Timestamp;
        Assert.True(killed - stopped >= TimeSpan.FromSeconds(2), $"killed {(killed - stopped).TotalSeconds:0.000} s after the stop, before the 2 s grace period");
    }

    [Fact]
    public async Task When_a_spawned_worker_finds_its_cancelled_job_on_the_stop_channel_it_stops_it_and_takes_the_next_job()
    {
        await using var server = await LocalRunPodTestServer.StartAsync(_worker.Settings());
        var stoppable = await server.RunAsync(new { mode = "stoppable" });
        var child = await Eventually.Until(() => _worker.Pid("local-worker-1-1", "child"), pid => pid is not null, "the job's child to write its pid");

        (await server.Api.PostAsync($"cancel/{stoppable}", null)).EnsureSuccessStatusCode();

        await WaitForExitAsync(child);
        var next = await server.RunAsync(new { mode = "echo" });
        var completed = await server.WaitForStatusAsync(next, "COMPLETED");
        Assert.Equal("local-worker-1-1", completed.GetProperty("output").GetProperty("worker").GetString());
        Assert.Contains($"Worker local-worker-1-1 let go of stopped job {stoppable}", server.Messages());
    }

    [Fact]
    public async Task When_a_spawned_worker_holding_a_job_stops_pinging_its_job_fails_and_the_worker_is_killed_and_replaced()
    {
        var settings = _worker.Settings();
        settings["LocalRunPod:WorkerPingInterval"] = "00:00:01";
        settings["LocalRunPod:WorkerPingTimeout"] = "00:00:03";
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var server = await LocalRunPodTestServer.StartAsync(settings);

        var silent = await server.RunAsync(new { mode = "ping-then-hang" }, webhook.Url);
        var child = await Eventually.Until(() => _worker.Pid("local-worker-1-1", "child"), pid => pid is not null, "the job's child to write its pid");
        var worker = _worker.Pid("local-worker-1-1");

        var failed = await server.WaitForStatusAsync(silent, "FAILED");
        Assert.Equal("worker stopped pinging", failed.GetProperty("error").GetString());
        Assert.Equal("worker stopped pinging", (await webhook.WaitForDeliveryAsync()).GetProperty("error").GetString());
        await WaitForExitAsync(worker);
        await WaitForExitAsync(child);
        var next = await server.RunAsync(new { mode = "echo" });
        Assert.Equal("local-worker-1-2", (await server.WaitForStatusAsync(next, "COMPLETED")).GetProperty("output").GetProperty("worker").GetString());
    }

    [Fact]
    public async Task When_the_host_stops_no_worker_process_survives_it()
    {
        await using var server = await LocalRunPodTestServer.StartAsync(_worker.Settings(workers: 2));
        var hung = await server.RunAsync(new { mode = "hang" });
        var running = (await server.WaitForStatusAsync(hung, "IN_PROGRESS")).GetProperty("workerId").GetString()!;
        var pids = await Eventually.Until(
            () => new[] { _worker.Pid("local-worker-1-1"), _worker.Pid("local-worker-2-1"), _worker.Pid(running, "child") },
            found => found.All(pid => pid is not null), "both workers and the hung job's child to write their pids",
            describe: found => string.Join(", ", found.Select(pid => pid?.ToString() ?? "none")));

        Assert.All(pids, pid => Assert.True(IsAlive(pid)));

        await server.StopAsync();

        foreach (var pid in pids)
        {
            await WaitForExitAsync(pid);
        }
    }

    /// <summary>A killed grandchild is reaped by init a moment later; until then it is a zombie, which counts as dead.</summary>
    private static Task WaitForExitAsync(int? pid)
    {
        Assert.NotNull(pid);
        return Eventually.True(() => !IsAlive(pid), $"process {pid} to exit");
    }

    private static bool IsAlive(int? pid)
    {
        if (pid is null)
        {
            return false;
        }

        try
        {
            // /proc/{pid}/stat: "pid (comm) state ..."; Z is a zombie, X dead.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The endpoint's settings as a process's environment, with the stand-in worker's.</summary>
    private Dictionary<string, string> EndpointEnvironment()
    {
        Dictionary<string, string> environment = new()
        {
            ["LocalRunPod__ApiKey"] = $"local-key-{Guid.NewGuid():N}",
            ["LocalRunPod__EndpointId"] = LocalRunPodTestServer.EndpointId,
        };
        foreach (var (key, value) in _worker.Settings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        return environment;
    }
}
