namespace Transcoding.Contracts;

/// <summary>Published by the gateway for a worker's progress callback.</summary>
public record TranscodeProgressed
{
    public Guid MediaId { get; init; }
    public int Attempt { get; init; }
    public string JobId { get; init; } = "";
    public double Percent { get; init; }
}
