namespace Transcoding.Contracts;

/// <summary>
/// Asks the dispatcher to look up the RunPod job of an attempt (when no callback came in time) and to publish
/// <see cref="TranscodeCompleted"/> or <see cref="TranscodeFailed"/> when the job has ended; nothing while it runs.
/// </summary>
public record PollTranscodeStatus
{
    public Guid MediaId { get; init; }
    public int Attempt { get; init; }
}
