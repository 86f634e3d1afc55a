namespace Transcoding.Contracts;

/// <summary>
/// The saga's command to the dispatcher when an attempt has ended (ready, failed or cancelled): read the job's final
/// <c>delayTime</c>/<c>executionTime</c> from RunPod and publish <see cref="TranscodeUsageMeasured"/>.
/// </summary>
public record MeasureTranscodeUsage
{
    public Guid MediaId { get; init; }
    public int Attempt { get; init; }

    /// <summary>The job id the saga knows, empty when it knows none (the dispatch ledger is asked then).</summary>
    public string JobId { get; init; } = "";
}
