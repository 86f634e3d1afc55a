namespace Transcoding.Contracts;

/// <summary>
/// The dispatcher's reading of an ended attempt's RunPod job (milliseconds, RunPod's <c>delayTime</c> and
/// <c>executionTime</c>). No job submitted: <c>JobId</c> empty and <c>ExecutionTimeMs</c> 0 (nothing ran). A job RunPod
/// no longer knows (results expire 30 minutes after the end): both figures null.
/// </summary>
public record TranscodeUsageMeasured
{
    public Guid MediaId { get; init; }
    public int Attempt { get; init; }
    public string JobId { get; init; } = "";

    /// <summary>RunPod's final job status (<c>COMPLETED</c>, <c>FAILED</c>, <c>CANCELLED</c>, <c>TIMED_OUT</c>), empty when unknown.</summary>
    public string JobStatus { get; init; } = "";
    public long? DelayTimeMs { get; init; }
    public long? ExecutionTimeMs { get; init; }
}
