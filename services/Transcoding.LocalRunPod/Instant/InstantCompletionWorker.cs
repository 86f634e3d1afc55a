using Microsoft.Extensions.Options;
using Transcoding.LocalRunPod.Jobs;

namespace Transcoding.LocalRunPod.Instant;

/// <summary>
/// When <see cref="LocalRunPodOptions.InstantCompletion"/> is on, an in-process worker that takes every queued job the
/// moment it is queued (the same take, report and timeout path as a worker process) and completes it with
/// <see cref="InstantCompletion"/>, up to <see cref="LocalRunPodOptions.InstantConcurrency"/> at once. It never pings,
/// so <c>/health</c> counts no worker; its result acknowledges a stop, as a worker's does.
/// </summary>
public sealed class InstantCompletionWorker(JobStore store, InstantCompletion completion, IOptions<LocalRunPodOptions> options) : BackgroundService
{
    public const string WorkerId = "local-instant";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.InstantCompletion)
        {
            return;
        }

        using var slots = new SemaphoreSlim(settings.InstantConcurrency);
        var holding = false;
        try
        {
            while (true)
            {
                await slots.WaitAsync(stoppingToken);
                holding = true;
                var jobs = await store.TakeAsync(WorkerId, 1, holdsNoJob: false, settings.JobTakeWait, stoppingToken);
                holding = false;
                if (jobs.Count == 0)
                {
                    slots.Release();
                    continue;
                }

                _ = CompleteAsync(jobs[0], slots, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the jobs in flight end with the token; every slot back says they all have.
            for (var taken = holding ? 1 : 0; taken < settings.InstantConcurrency; taken++)
            {
                await slots.WaitAsync(CancellationToken.None);
            }
        }
    }

    private async Task CompleteAsync(TakenJob job, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            store.Report(WorkerId, job.Id, await completion.CompleteAsync(job.Id, job.Input, stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops: the job stays IN_PROGRESS in a store that goes with it.
        }
        finally
        {
            slots.Release();
        }
    }
}
