namespace Transcoding.LocalRunPod.Jobs;

/// <summary>A stop signalled to a worker and not yet acknowledged; only <see cref="JobStore"/> touches it, under its lock.</summary>
internal sealed class PendingStop(DateTimeOffset signalledAt)
{
    /// <summary>When the job was cancelled or timed out; the grace period runs from here.</summary>
    public DateTimeOffset SignalledAt { get; } = signalledAt;

    /// <summary>When <c>job-stop</c> last answered it; null until then.</summary>
    public DateTimeOffset? SentAt { get; set; }
}
