namespace Transcoding.Contracts;

/// <summary>Asks for one more attempt of a failed media item (manual retry).</summary>
public record RetryTranscode
{
    public Guid MediaId { get; init; }
    public string RequestedBy { get; init; } = "";
    public string Reason { get; init; } = "";
}
