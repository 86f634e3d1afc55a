using Microsoft.Extensions.Options;

namespace Transcoding.LocalRunPod.Jobs;

/// <summary>Enforces execution timeouts and ttl, and forgets results past their retention.</summary>
public sealed class JobSweeper(JobStore store, IOptions<LocalRunPodOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                store.Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }
}
