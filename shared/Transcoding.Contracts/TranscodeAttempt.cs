namespace Transcoding.Contracts;

/// <summary>
/// One GPU job attempt of a media item: its RunPod job, how it ended, and what RunPod measured. <c>DelayTimeMs</c> and
/// <c>ExecutionTimeMs</c> are RunPod's <c>delayTime</c> (queue wait, cold start included) and <c>executionTime</c>
/// (worker processing), milliseconds, as its <c>/status</c> answers and its job webhook posts them (RunPod docs
/// <c>serverless/endpoints/operation-reference.mdx</c>, <c>/status</c>); null until the attempt's job has ended and the
/// dispatcher read them (<see cref="MeasuredAt"/>), and still null after that when RunPod no longer knew the job.
/// </summary>
public record TranscodeAttempt
{
    /// <summary>1-based, as in every other message.</summary>
    public int Attempt { get; init; }

    /// <summary>RunPod's job id; null while unknown (no job submitted yet, or cancelled before submission).</summary>
    public string? JobId { get; init; }

    /// <summary><c>ready</c>, <c>failed</c> or <c>cancelled</c>; null while the attempt runs.</summary>
    public string? Outcome { get; init; }

    /// <summary>The video encoder that ran (<c>h264_nvenc</c>, <c>libx264</c>) when the attempt completed; else null.</summary>
    public string? Encoder { get; init; }

    public long? DelayTimeMs { get; init; }

    public long? ExecutionTimeMs { get; init; }

    /// <summary>GPU seconds: <c>ExecutionTimeMs / 1000</c>. A lower bound of what RunPod bills, which also counts a
    /// worker's start and idle time (RunPod docs <c>serverless/pricing.mdx</c>).</summary>
    public double? GpuSeconds => ExecutionTimeMs / 1000.0;

    /// <summary><see cref="GpuSeconds"/> times the configured price per GPU-second (<c>Orchestrator:GpuPricePerSecond</c>,
    /// USD) when it was measured; null when no price is configured or nothing was measured.</summary>
    public decimal? EstimatedCostUsd { get; init; }

    /// <summary>When the job's final figures were recorded; null while they are awaited.</summary>
    public DateTimeOffset? MeasuredAt { get; init; }
}
