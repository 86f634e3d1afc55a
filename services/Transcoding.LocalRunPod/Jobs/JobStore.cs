using Transcoding.Shared.Jobs;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Transcoding.LocalRunPod.Webhooks;

namespace Transcoding.LocalRunPod.Jobs;

/// <summary>
/// The endpoint's queue and job table, in memory. Every transition happens under one lock; a job that reaches a final
/// state wakes its <c>/runsync</c> waiters and has its webhook delivered.
/// </summary>
public sealed class JobStore(IOptions<LocalRunPodOptions> options, TimeProvider time, WebhookSender webhooks, ILogger<JobStore> logger)
{
    private static readonly TimeSpan WorkerSeenWindow = TimeSpan.FromSeconds(30);

    private readonly LocalRunPodOptions _options = options.Value;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RunPodJob> _jobs = [];
    private readonly Queue<RunPodJob> _queue = new();
    private readonly Dictionary<string, DateTimeOffset> _workersSeen = [];
    private readonly Channel<string> _abandonedWorkers = Channel.CreateUnbounded<string>();
    private TaskCompletionSource _enqueued = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Workers whose job was taken away from them (timed out, cancelled): the pool kills and replaces them.</summary>
    public ChannelReader<string> AbandonedWorkers => _abandonedWorkers.Reader;

    public JobStatusBody Submit(JsonElement input, string? webhook, JobPolicy? policy, bool sync)
    {
        var job = new RunPodJob(
            $"{Guid.NewGuid():D}-local",
            input.Clone(),
            webhook,
            Milliseconds(policy?.ExecutionTimeout) ?? _options.DefaultExecutionTimeout,
            Milliseconds(policy?.Ttl) ?? _options.DefaultTtl,
            sync,
            time.GetUtcNow());
        lock (_lock)
        {
            _jobs[job.Id] = job;
            Enqueue(job);
            return job.ToBody(time.GetUtcNow());
        }
    }

    public JobStatusBody? Find(string jobId)
    {
        lock (_lock)
        {
            return _jobs.TryGetValue(jobId, out var job) ? job.ToBody(time.GetUtcNow()) : null;
        }
    }

    /// <summary>Waits up to <paramref name="wait"/> for the job to end, then answers its status whatever it is.</summary>
    public async Task<JobStatusBody?> WaitAsync(string jobId, TimeSpan wait, CancellationToken cancellationToken)
    {
        Task ended;
        lock (_lock)
        {
            if (!_jobs.TryGetValue(jobId, out var job))
            {
                return null;
            }

            ended = job.Ended.Task;
        }

        await WaitOrTimeOutAsync(ended, wait, cancellationToken);
        return Find(jobId);
    }

    public JobStatusBody? Cancel(string jobId)
    {
        lock (_lock)
        {
            if (!_jobs.TryGetValue(jobId, out var job))
            {
                return null;
            }

            if (!RunPodJobStates.IsFinal(job.Status))
            {
                End(job, RunPodJobStates.Cancelled, error: null);
            }

            return job.ToBody(time.GetUtcNow());
        }
    }

    /// <summary>Puts a FAILED or TIMED_OUT job back in the queue with the same id and input; null when unknown.</summary>
    public (JobStatusBody? Body, bool Requeued) Retry(string jobId)
    {
        lock (_lock)
        {
            if (!_jobs.TryGetValue(jobId, out var job))
            {
                return (null, false);
            }

            if (job.Status is not (RunPodJobStates.Failed or RunPodJobStates.TimedOut))
            {
                return (job.ToBody(time.GetUtcNow()), false);
            }

            job.Status = RunPodJobStates.InQueue;
            job.CreatedAt = time.GetUtcNow();
            (job.StartedAt, job.EndedAt, job.WorkerId, job.Output, job.Error) = (null, null, null, null, null);
            job.Retries++;
            job.Ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Enqueue(job);
            return (job.ToBody(time.GetUtcNow()), true);
        }
    }

    /// <summary>Removes every job still waiting in the queue; running jobs are not touched.</summary>
    public int PurgeQueue()
    {
        lock (_lock)
        {
            var queued = _jobs.Values.Where(job => job.Status == RunPodJobStates.InQueue).ToList();
            foreach (var job in queued)
            {
                _jobs.Remove(job.Id);
            }

            _queue.Clear();
            return queued.Count;
        }
    }

    /// <summary>Gives the oldest queued job to <paramref name="workerId"/>, waiting up to <paramref name="wait"/> for one.</summary>
    public async Task<TakenJob?> TakeAsync(string workerId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            Task enqueued;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                _workersSeen[workerId] = now;
                while (_queue.TryDequeue(out var job))
                {
                    // Cancelled, purged or expired jobs stay in the queue until they reach its head.
                    if (job.Status != RunPodJobStates.InQueue || !_jobs.ContainsKey(job.Id))
                    {
                        continue;
                    }

                    job.Status = RunPodJobStates.InProgress;
                    job.StartedAt = now;
                    job.WorkerId = workerId;
                    Log.JobTaken(logger, job.Id, workerId);
                    return new TakenJob(job.Id, job.Input);
                }

                enqueued = _enqueued.Task;
            }

            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            await WaitOrTimeOutAsync(enqueued, remaining, cancellationToken);
        }
    }

    /// <summary>Applies a worker's report; false when the job is unknown. Reports on a job that has ended or moved on are ignored.</summary>
    public bool Report(string workerId, string jobId, WorkerReport report)
    {
        lock (_lock)
        {
            if (!_jobs.TryGetValue(jobId, out var job))
            {
                return false;
            }

            if (job.Status != RunPodJobStates.InProgress || job.WorkerId != workerId)
            {
                Log.StaleReport(logger, jobId, workerId, job.Status);
                return true;
            }

            switch (report.Kind)
            {
                case WorkerReportKind.Progress:
                    job.Output = report.Output;
                    break;
                case WorkerReportKind.Failed:
                    job.Output = null;
                    End(job, RunPodJobStates.Failed, report.Error);
                    break;
                default:
                    job.Output = report.Output;
                    End(job, RunPodJobStates.Completed, error: null);
                    break;
            }

            return true;
        }
    }

    /// <summary>The worker process is gone: the job it was running fails, as on RunPod.</summary>
    public void WorkerExited(string workerId)
    {
        lock (_lock)
        {
            _workersSeen.Remove(workerId);
            foreach (var job in _jobs.Values.Where(job => job.Status == RunPodJobStates.InProgress && job.WorkerId == workerId).ToList())
            {
                job.Output = null;
                End(job, RunPodJobStates.Failed, "worker exited");
            }
        }
    }

    /// <summary>Times out jobs past their execution timeout or ttl and forgets results past their retention.</summary>
    public void Sweep()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            foreach (var job in _jobs.Values.ToList())
            {
                if (job.Status == RunPodJobStates.InQueue && now - job.CreatedAt > job.Ttl)
                {
                    End(job, RunPodJobStates.TimedOut, "job expired (ttl) before a worker took it");
                }
                else if (job.Status == RunPodJobStates.InProgress
                         && (now - job.StartedAt!.Value > job.ExecutionTimeout || now - job.CreatedAt > job.Ttl))
                {
                    End(job, RunPodJobStates.TimedOut, "execution timeout exceeded");
                }
                else if (job.EndedAt is { } ended && now - ended > (job.Sync ? _options.SyncResultRetention : _options.ResultRetention))
                {
                    _jobs.Remove(job.Id);
                }
            }
        }
    }

    public EndpointHealth Health()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var jobs = _jobs.Values;
            var running = jobs.Where(job => job.Status == RunPodJobStates.InProgress).Select(job => job.WorkerId).Distinct().Count();
            var seen = _workersSeen.Count(worker => now - worker.Value < WorkerSeenWindow);
            return new EndpointHealth(
                new JobCounts(
                    Completed: jobs.Count(job => job.Status == RunPodJobStates.Completed),
                    Failed: jobs.Count(job => job.Status is RunPodJobStates.Failed or RunPodJobStates.TimedOut),
                    InProgress: jobs.Count(job => job.Status == RunPodJobStates.InProgress),
                    InQueue: jobs.Count(job => job.Status == RunPodJobStates.InQueue),
                    Retried: jobs.Sum(job => job.Retries)),
                new WorkerCounts(Idle: Math.Max(0, seen - running), Running: running));
        }
    }

    private void Enqueue(RunPodJob job)
    {
        _queue.Enqueue(job);
        _enqueued.TrySetResult();
        _enqueued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private void End(RunPodJob job, string status, string? error)
    {
        var previous = job.Status;
        job.Status = status;
        job.Error = error;
        job.EndedAt = time.GetUtcNow();
        if (previous == RunPodJobStates.InProgress && status is RunPodJobStates.TimedOut or RunPodJobStates.Cancelled && job.WorkerId is { } worker)
        {
            _abandonedWorkers.Writer.TryWrite(worker);
        }

        Log.JobEnded(logger, job.Id, status);
        if (job.Webhook is { } webhook)
        {
            webhooks.Enqueue(webhook, job.ToBody(job.EndedAt.Value));
        }

        job.Ended.TrySetResult();
    }

    private async Task WaitOrTimeOutAsync(Task signal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await signal.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The caller answers with whatever the state is now.
        }
    }

    private static TimeSpan? Milliseconds(long? value) => value is > 0 ? TimeSpan.FromMilliseconds(value.Value) : null;
}
