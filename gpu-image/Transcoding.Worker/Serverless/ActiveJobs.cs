namespace Transcoding.Worker.Serverless;

/// <summary>
/// The jobs this worker holds, from job-take until it is done with them: what the heartbeat names
/// (worker_state.py:155-162, rp_scale.py:205,367), what job-take's <c>job_in_progress</c> says, and how the stop
/// channel stops one job (rp_scale.py:321-339). Thread-safe.
/// </summary>
public sealed class ActiveJobs
{
    private readonly Dictionary<string, CancellationTokenSource> _jobs = new(StringComparer.Ordinal);

    public bool Any
    {
        get
        {
            lock (_jobs)
            {
                return _jobs.Count > 0;
            }
        }
    }

    /// <summary>The ids held now, in no particular order.</summary>
    public IReadOnlyList<string> Snapshot()
    {
        lock (_jobs)
        {
            return [.. _jobs.Keys];
        }
    }

    /// <summary>Holds <paramref name="jobId"/> until <see cref="End"/>.</summary>
    /// <returns>Cancelled when RunPod asks to stop this job (never by host shutdown).</returns>
    /// <exception cref="InvalidOperationException">The job is already held.</exception>
    public CancellationToken Begin(string jobId)
    {
        var stop = new CancellationTokenSource();
        lock (_jobs)
        {
            if (!_jobs.TryAdd(jobId, stop))
            {
                stop.Dispose();
                throw new InvalidOperationException($"Job {jobId} is already running on this worker.");
            }
        }

        return stop.Token;
    }

    /// <summary>Releases the job: the next ping no longer names it and a later stop for it is a no-op.</summary>
    public void End(string jobId)
    {
        CancellationTokenSource? stop;
        lock (_jobs)
        {
            _jobs.Remove(jobId, out stop);
        }

        stop?.Dispose();
    }

    /// <summary>Signals the job's stop token.</summary>
    /// <returns>Whether the job was held here; an unknown id changes nothing (as the SDK's <c>stop_job</c>).</returns>
    public bool Stop(string jobId)
    {
        lock (_jobs)
        {
            if (!_jobs.TryGetValue(jobId, out var stop))
            {
                return false;
            }

            // Cancelled under the lock so End cannot dispose it meanwhile; the callbacks only kill ffmpeg and abort HTTP calls.
            stop.Cancel();
            return true;
        }
    }
}
