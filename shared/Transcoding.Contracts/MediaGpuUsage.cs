namespace Transcoding.Contracts;

/// <summary>
/// What a media item's GPU jobs cost so far, as known when the message was published. The worker's completion reaches
/// the saga before RunPod has ended the job, so <c>MediaReady</c> usually has <see cref="Complete"/> false for the last
/// attempt; <see cref="MediaGpuUsageReported"/> follows with its figures.
/// </summary>
public record MediaGpuUsage
{
    /// <summary>Every attempt, in order.</summary>
    public IReadOnlyList<TranscodeAttempt> Attempts { get; init; } = [];

    /// <summary>Sum of the attempts' known GPU seconds.</summary>
    public double GpuSeconds { get; init; }

    /// <summary>Sum of the attempts' known estimated costs, USD; null when no price is configured.</summary>
    public decimal? EstimatedCostUsd { get; init; }

    /// <summary>True when every attempt has ended and been measured: no later <see cref="MediaGpuUsageReported"/> changes these figures.</summary>
    public bool Complete { get; init; }
}
