namespace Transcoding.Contracts;

public record MediaTranscodingStarted
{
    public Guid MediaId { get; init; }
    public int Attempt { get; init; }
    public DateTimeOffset StartedAt { get; init; }
}
