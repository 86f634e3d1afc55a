namespace Transcoding.Dispatcher.RunPod;

/// <summary>Sizes a job's execution budget from its source: large sources get longer, but never below the floor.</summary>
public static class RunPodJobPolicyPlanner
{
    private const double BytesPerGigabyte = 1024d * 1024 * 1024;

    public static RunPodJobPolicy Plan(long sourceSizeBytes, RunPodOptions options)
    {
        var bySize = options.ExecutionTimePerGigabyte * (Math.Max(0, sourceSizeBytes) / BytesPerGigabyte);
        var execution = TimeSpan.FromMilliseconds(Math.Clamp(
            bySize.TotalMilliseconds,
            options.MinExecutionTimeout.TotalMilliseconds,
            options.MaxExecutionTimeout.TotalMilliseconds));
        var executionMs = (long)Math.Ceiling(execution.TotalMilliseconds);

        // RunPod's ttl counts from submission and covers the queue wait as well as the run.
        return new RunPodJobPolicy(executionMs, executionMs + (long)options.QueueTimeout.TotalMilliseconds);
    }
}
