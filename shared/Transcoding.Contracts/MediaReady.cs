namespace Transcoding.Contracts;

public record MediaReady
{
    public Guid MediaId { get; init; }
    public int AttemptsUsed { get; init; }
    public TranscodeOutputs Outputs { get; init; } = new();
    public DateTimeOffset ReadyAt { get; init; }
}
