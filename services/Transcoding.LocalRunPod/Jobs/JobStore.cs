using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Transcoding.LocalRunPod.Webhooks;
using Transcoding.Shared.Jobs;

namespace Transcoding.LocalRunPod.Jobs;

/// <summary>
/// The endpoint's queue, job table and what it knows of its workers, in memory. Every transition happens under one
/// lock; a job that reaches a final state wakes its <c>/runsync</c> waiters and has its webhook delivered.
/// </summary>
/// <remarks>
/// A running job that is cancelled or times out is signalled to its worker on the stop channel, as RunPod does
/// ("Runpod signals the worker to stop only that job", runpod/docs serverless/workers/concurrent-handler.mdx:228); the
/// worker is given up (and a spawned one killed) only when it has not acknowledged the stop within
/// <see cref="LocalRunPodOptions.StopGracePeriod"/>. A worker that has pinged and holds a job is dead once silent past
/// <see cref="LocalRunPodOptions.WorkerPingTimeout"/>; one that never pinged keeps to the execution timeout.
/// </remarks>
public sealed class JobStore(IOptions<LocalRunPodOptions> options, TimeProvider time, WebhookSender webhooks, ILogger<JobStore> logger)
{
    private readonly LocalRunPodOptions _options = options.Value;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RunPodJob> _jobs = [];
    private readonly Queue<RunPodJob> _queue = new();
    private readonly Dictionary<string, WorkerState> _workers = [];
    private readonly Channel<string> _abandonedWorkers = Channel.CreateUnbounded<string>();
    private readonly Pulse _enqueued = new();
    private readonly Pulse _stopSignalled = new();

    /// <summary>
    /// Workers given up: a stop left unacknowledged past the grace period, or silent past the ping timeout with a job. The
    /// pool kills and replaces the ones it spawned.
    /// </summary>
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

    /// <summary>Every job still held (results expire after their TTL), in no particular order.</summary>
    public IReadOnlyList<JobSummary> List()
    {
        lock (_lock)
        {
            return [.. _jobs.Values.Select(job => new JobSummary(job.Id, job.Status, job.StartedAt is not null, job.Input))];
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
            job.Stream.Clear();
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

    /// <summary>
    /// Gives up to <paramref name="count"/> of the oldest queued jobs to <paramref name="workerId"/>, waiting up to
    /// <paramref name="wait"/> for one; empty when none came. <paramref name="holdsNoJob"/> (<c>job_in_progress=0</c>,
    /// <c>rp_job.py:121-122</c>) acknowledges every stop signalled to that worker.
    /// </summary>
    public async Task<IReadOnlyList<TakenJob>> TakeAsync(string workerId, int count, bool holdsNoJob, TimeSpan wait, CancellationToken cancellationToken) =>
        await LongPollAsync<IReadOnlyList<TakenJob>>(workerId, "job-take", wait, _enqueued, now =>
        {
            if (holdsNoJob)
            {
                Acknowledge(workerId, _ => true);
            }

            var taken = new List<TakenJob>();
            while (taken.Count < count && _queue.TryDequeue(out var job))
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
                taken.Add(new TakenJob(job.Id, job.Input));
            }

            return (taken.Count > 0 ? taken : null, null);
        }, cancellationToken) ?? [];

    /// <summary>
    /// The jobs <paramref name="workerId"/> must stop, waiting up to <paramref name="wait"/> for one; empty when none.
    /// A stop is answered again every <see cref="LocalRunPodOptions.StopResendInterval"/> until acknowledged.
    /// </summary>
    public async Task<IReadOnlyList<string>> StopSignalsAsync(string workerId, TimeSpan wait, CancellationToken cancellationToken) =>
        await LongPollAsync<IReadOnlyList<string>>(workerId, "job-stop", wait, _stopSignalled, now =>
        {
            if (!_workers.TryGetValue(workerId, out var worker) || worker.PendingStops.Count == 0)
            {
                return (null, null);
            }

            var due = worker.PendingStops.Where(stop => stop.Value.SentAt is not { } sent || now - sent >= _options.StopResendInterval).ToList();
            foreach (var (jobId, stop) in due)
            {
                stop.SentAt = now;
                Log.StopSent(logger, jobId, workerId);
            }

            return due.Count > 0
                ? ([.. due.Select(stop => stop.Key)], null)
                : (null, worker.PendingStops.Values.Min(stop => stop.SentAt!.Value) + _options.StopResendInterval);
        }, cancellationToken) ?? [];

    /// <summary>
    /// A heartbeat (<c>rp_ping.py:97-115</c>): the worker is alive and runs <paramref name="jobIds"/>; every stop signalled
    /// to it for a job it no longer names is acknowledged.
    /// </summary>
    public void Ping(string workerId, IReadOnlySet<string> jobIds)
    {
        lock (_lock)
        {
            var worker = Worker(workerId);
            worker.LastPingAt = time.GetUtcNow();
            worker.PingedJobs = jobIds;
            Acknowledge(workerId, jobId => !jobIds.Contains(jobId));
        }
    }

    /// <summary>A worker's last word before it exits on a failed fitness check (<c>rp_fitness.py:117-155</c>): logged only.</summary>
    public void ReportUnhealthy(string workerId, string? check, string? reason) => Log.WorkerUnhealthy(logger, workerId, check ?? "", reason ?? "");

    /// <summary>
    /// Applies a worker's report; false when the job is unknown. Reports on a job that has ended or moved on are ignored,
    /// but a result (not progress) from the worker acknowledges a stop it owed for that job.
    /// </summary>
    public bool Report(string workerId, string jobId, WorkerReport report)
    {
        lock (_lock)
        {
            if (!_jobs.TryGetValue(jobId, out var job))
            {
                return false;
            }

            // A result means the worker let go of the job; progress means it still runs it, stop or not.
            if (report.Kind != WorkerReportKind.Progress)
            {
                Acknowledge(workerId, stopped => stopped == jobId);
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

    /// <summary>
    /// Adds a partial output (<c>job-stream</c>, <c>rp_job.py:326,330</c>) for <c>/stream</c>; false when the job is
    /// unknown. Partials for a job that has ended or moved on are ignored, like stale reports.
    /// </summary>
    public bool Stream(string workerId, string jobId, JsonElement? output)
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
            }
            else if (output is { } partial)
            {
                job.Stream.Add(new StreamChunk(partial.Clone()));
            }

            return true;
        }
    }

    /// <summary>The job's status and the partials posted since the last read, which this read consumes; null when unknown.</summary>
    public JobStreamBody? ReadStream(string jobId)
    {
        lock (_lock)
        {
            if (!_jobs.TryGetValue(jobId, out var job))
            {
                return null;
            }

            var body = new JobStreamBody(job.Status, [.. job.Stream]);
            job.Stream.Clear();
            return body;
        }
    }

    /// <summary>The worker process is gone: the job it was running fails, as on RunPod.</summary>
    public void WorkerExited(string workerId)
    {
        lock (_lock)
        {
            _workers.Remove(workerId);
            FailJobsOf(workerId, "worker exited");
        }
    }

    /// <summary>
    /// Times out jobs past their execution timeout or ttl, forgets results past their retention, gives up workers that
    /// left a stop unacknowledged past the grace period, and fails the jobs of workers silent past the ping timeout.
    /// </summary>
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

            foreach (var (workerId, worker) in _workers.ToList())
            {
                SweepWorker(workerId, worker, now);
            }
        }
    }

    public EndpointHealth Health()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var jobs = _jobs.Values;
            var alive = _workers.Values.Where(worker => now - worker.LastPingAt <= _options.WorkerPingTimeout).ToList();
            var running = alive.Count(worker => worker.PingedJobs.Count > 0);
            return new EndpointHealth(
                new JobCounts(
                    Completed: jobs.Count(job => job.Status == RunPodJobStates.Completed),
                    Failed: jobs.Count(job => job.Status is RunPodJobStates.Failed or RunPodJobStates.TimedOut),
                    InProgress: jobs.Count(job => job.Status == RunPodJobStates.InProgress),
                    InQueue: jobs.Count(job => job.Status == RunPodJobStates.InQueue),
                    Retried: jobs.Sum(job => job.Retries)),
                new WorkerCounts(Idle: alive.Count - running, Running: running));
        }
    }

    private void Enqueue(RunPodJob job)
    {
        _queue.Enqueue(job);
        _enqueued.Fire();
    }

    private void End(RunPodJob job, string status, string? error)
    {
        var previous = job.Status;
        job.Status = status;
        job.Error = error;
        job.EndedAt = time.GetUtcNow();
        if (previous == RunPodJobStates.InProgress && status is RunPodJobStates.TimedOut or RunPodJobStates.Cancelled && job.WorkerId is { } worker)
        {
            Worker(worker).PendingStops[job.Id] = new PendingStop(job.EndedAt.Value);
            _stopSignalled.Fire();
            Log.StopSignalled(logger, job.Id, status, worker);
        }

        Log.JobEnded(logger, job.Id, status);
        if (job.Webhook is { } webhook)
        {
            webhooks.Enqueue(webhook, job.ToBody(job.EndedAt.Value));
        }

        job.Ended.TrySetResult();
    }

    private void SweepWorker(string workerId, WorkerState worker, DateTimeOffset now)
    {
        var overdue = worker.PendingStops.Where(stop => now - stop.Value.SignalledAt > _options.StopGracePeriod).Select(stop => stop.Key).ToList();
        foreach (var jobId in overdue)
        {
            worker.PendingStops.Remove(jobId);
            Log.StopIgnored(logger, workerId, jobId, _options.StopGracePeriod);
        }

        if (overdue.Count > 0)
        {
            _abandonedWorkers.Writer.TryWrite(workerId);
        }

        if (worker.LastPingAt is not { } lastPing)
        {
            // Never pinged: nothing to keep but stops still owed.
            if (worker.PendingStops.Count == 0)
            {
                _workers.Remove(workerId);
            }

            return;
        }

        var held = _jobs.Values.Where(job => job.Status == RunPodJobStates.InProgress && job.WorkerId == workerId).ToList();
        // Taking a job is a sign of life too: a worker is not dead the moment it takes one after a quiet spell.
        var lastSign = held.Select(job => job.StartedAt!.Value).Append(lastPing).Max();
        if (held.Count > 0 && now - lastSign > _options.WorkerPingTimeout)
        {
            Log.WorkerSilent(logger, workerId, string.Join(",", held.Select(job => job.Id)), now - lastPing);
            _workers.Remove(workerId);
            FailJobsOf(workerId, "worker stopped pinging");
            _abandonedWorkers.Writer.TryWrite(workerId);
        }
    }

    /// <summary>Drops the stops of <paramref name="workerId"/> whose job id <paramref name="letGo"/> accepts: it no longer runs them.</summary>
    private void Acknowledge(string workerId, Func<string, bool> letGo)
    {
        if (!_workers.TryGetValue(workerId, out var worker))
        {
            return;
        }

        foreach (var jobId in worker.PendingStops.Keys.Where(letGo).ToList())
        {
            worker.PendingStops.Remove(jobId);
            Log.StopAcknowledged(logger, workerId, jobId);
        }
    }

    /// <summary>What a worker crash does: its running jobs fail with <paramref name="error"/>, output dropped.</summary>
    private void FailJobsOf(string workerId, string error)
    {
        foreach (var job in _jobs.Values.Where(job => job.Status == RunPodJobStates.InProgress && job.WorkerId == workerId).ToList())
        {
            job.Output = null;
            End(job, RunPodJobStates.Failed, error);
        }
    }

    private WorkerState Worker(string workerId)
    {
        if (!_workers.TryGetValue(workerId, out var worker))
        {
            _workers[workerId] = worker = new WorkerState();
        }

        return worker;
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> under the lock until it yields a value or <paramref name="wait"/> has passed (then
    /// null). Between attempts it waits for <paramref name="pulse"/>, or for the time the attempt asked to be tried again at.
    /// </summary>
    private async Task<T?> LongPollAsync<T>(
        string workerId, string route, TimeSpan wait, Pulse pulse,
        Func<DateTimeOffset, (T? Value, DateTimeOffset? RetryAt)> attempt, CancellationToken cancellationToken)
        where T : class
    {
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            Task signal;
            DateTimeOffset? retryAt;
            lock (_lock)
            {
                (var value, retryAt) = attempt(time.GetUtcNow());
                if (value is not null)
                {
                    return value;
                }

                // Taken under the lock: a pulse fired after the attempt completes it, so none is missed.
                signal = pulse.Next;
            }

            var now = time.GetUtcNow();
            if (now >= deadline)
            {
                return null;
            }

            var until = retryAt < deadline ? retryAt.Value : deadline;
            if (until > now)
            {
                Log.LongPollWaiting(logger, workerId, route);
                await WaitOrTimeOutAsync(signal, until - now, cancellationToken);
            }
        }
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
