using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Transcoding.LocalRunPod.Jobs;
using Transcoding.Shared.Processes;

namespace Transcoding.LocalRunPod.Workers;

/// <summary>
/// Keeps <c>LocalRunPod:Workers</c> worker processes alive: a worker that exits is replaced, one the store gives up (a
/// stop left unacknowledged past the grace period, or silent past the ping timeout while holding a job) is killed with
/// its children (and so replaced), and all are killed when the host stops. A host that is killed cannot kill them: they
/// are started through <see cref="ChildProcess"/>, so the kernel does.
/// </summary>
public sealed class WorkerPool(
    JobStore store,
    IOptions<LocalRunPodOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<WorkerPool> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Process> _running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A host that exits without stopping (an unhandled exception, a test runner ending) still takes its workers along.
        AppDomain.CurrentDomain.ProcessExit += KillAllOnExit;
        var settings = options.Value;
        var tasks = new List<Task> { KillAbandonedAsync(stoppingToken) };
        if (settings.Workers > 0)
        {
            var baseUrl = string.IsNullOrEmpty(settings.PublicBaseUrl) ? await DiscoverBaseUrlAsync(stoppingToken) : settings.PublicBaseUrl;
            tasks.AddRange(Enumerable.Range(1, settings.Workers).Select(slot => RunSlotAsync(slot, baseUrl, stoppingToken)));
        }

        await Task.WhenAll(tasks);
    }

    private async Task RunSlotAsync(int slot, string baseUrl, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        for (var generation = 1; !stoppingToken.IsCancellationRequested; generation++)
        {
            var workerId = $"local-worker-{slot}-{generation}";
            using var process = TryStart(workerId, baseUrl);
            if (process is not null)
            {
                _running[workerId] = process;
                var exited = ExitedAsync(process);
                try
                {
                    await exited.WaitAsync(stoppingToken);
                    Log.WorkerExited(logger, workerId, process.ExitCode);
                }
                catch (OperationCanceledException)
                {
                    // Host stopping: no worker may outlive it.
                    Kill(process);
                    await exited;
                    return;
                }
                finally
                {
                    _running.TryRemove(workerId, out _);
                }

                store.WorkerExited(workerId);
            }

            try
            {
                await Task.Delay(settings.WorkerRestartDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private Process? TryStart(string workerId, string baseUrl)
    {
        var settings = options.Value;
        var startInfo = new ProcessStartInfo(settings.WorkerCommand!, settings.WorkerArguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = settings.WorkerWorkingDirectory ?? "",
        };
        startInfo.Environment.Clear();
        var runPod = WorkerEndpoints.Environment(baseUrl, settings.EndpointId, workerId, settings.ApiKey, settings.WorkerPingInterval);
        foreach (var (name, value) in WorkerEnvironment.Build(Environment.GetEnvironmentVariables(), settings.WorkerEnvironment, runPod))
        {
            startInfo.Environment[name] = value;
        }

        Process process;
        try
        {
            process = ChildProcess.Start(startInfo);
        }
        catch (Win32Exception e)
        {
            Log.WorkerStartFailed(logger, workerId, settings.WorkerCommand!, e.Message);
            return null;
        }

        process.OutputDataReceived += (_, line) => { if (line.Data is not null) { Log.WorkerOutput(logger, workerId, line.Data); } };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { Log.WorkerError(logger, workerId, line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Log.WorkerStarted(logger, workerId, process.Id);
        return process;
    }

    /// <summary>
    /// Completes when the process itself has exited. <c>WaitForExitAsync</c> would also wait for the end of its redirected
    /// output, which never comes while a child the worker left behind still holds the pipe.
    /// </summary>
    private static Task ExitedAsync(Process process)
    {
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        process.EnableRaisingEvents = true;
        if (process.HasExited)
        {
            exited.TrySetResult();
        }

        return exited.Task;
    }

    private async Task KillAbandonedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var workerId in store.AbandonedWorkers.ReadAllAsync(stoppingToken))
            {
                if (_running.TryGetValue(workerId, out var process))
                {
                    Log.KillingWorker(logger, workerId);
                    Kill(process);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping: the slots kill their own processes.
        }
    }

    private async Task<string> DiscoverBaseUrlAsync(CancellationToken stoppingToken)
    {
        // Bound addresses are known only once the server has started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return WorkerEndpoints.PickBaseUrl(addresses)
            ?? throw new InvalidOperationException("LocalRunPod:PublicBaseUrl is not set and the server has no bound address to give the workers.");
    }

    public override void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillAllOnExit;
        base.Dispose();
    }

    private void KillAllOnExit(object? sender, EventArgs e)
    {
        foreach (var process in _running.Values)
        {
            Kill(process);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
