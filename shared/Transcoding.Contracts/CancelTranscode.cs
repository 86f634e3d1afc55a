namespace Transcoding.Contracts;

/// <summary>
/// Asks the dispatcher to cancel the RunPod job of an attempt, if it has one and it has not ended; an attempt whose
/// job is not submitted yet is never submitted afterwards.
/// </summary>
public record CancelTranscode
{
    public Guid MediaId { get; init; }
    public int Attempt { get; init; }
    public string Reason { get; init; } = "";
}
