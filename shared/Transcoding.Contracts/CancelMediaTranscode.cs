namespace Transcoding.Contracts;

/// <summary>
/// Asks to stop a media item's transcode (manual cancel). Accepted only in <c>uploaded</c> or <c>transcoding</c>: the
/// item then ends <c>failed</c> with code <c>cancelled</c>, its RunPod job is cancelled, and nothing reported later
/// for that attempt changes the item. Not retried automatically; a manual <see cref="RetryTranscode"/> is allowed
/// within the attempt budget (the cancelled attempt counts).
/// </summary>
public record CancelMediaTranscode
{
    public Guid MediaId { get; init; }
    public string RequestedBy { get; init; } = "";
    public string Reason { get; init; } = "";
}
