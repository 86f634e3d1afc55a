namespace Transcoding.Contracts;

/// <summary>Published by the webhook gateway when a worker reports success for an attempt.</summary>
public record TranscodeCompleted
{
    public Guid MediaId { get; init; }
    public int Attempt { get; init; }
    public string JobId { get; init; } = "";
    public TranscodeOutputs Outputs { get; init; } = new();
}
