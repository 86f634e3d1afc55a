namespace Transcoding.LocalRunPod.Jobs;

/// <summary>
/// What the endpoint knows of one worker beyond its jobs: its heartbeat and the stops it owes. Kept per worker, not per
/// job, so a stop outlives the job's retention and a retry of the job. Only <see cref="JobStore"/> touches it, under its lock.
/// </summary>
internal sealed class WorkerState
{
    /// <summary>Null for a worker that never pinged (a curl stand-in, a worker without the heartbeat): no liveness rule applies to it.</summary>
    public DateTimeOffset? LastPingAt { get; set; }

    /// <summary>The <c>job_id</c> list of its last ping.</summary>
    public IReadOnlySet<string> PingedJobs { get; set; } = new HashSet<string>();

    /// <summary>By job id.</summary>
    public Dictionary<string, PendingStop> PendingStops { get; } = [];
}
