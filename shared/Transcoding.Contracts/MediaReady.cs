namespace Transcoding.Contracts;

public record MediaReady
{
    public Guid MediaId { get; init; }
    public int AttemptsUsed { get; init; }
    public TranscodeOutputs Outputs { get; init; } = new();
    public DateTimeOffset ReadyAt { get; init; }

    /// <summary>GPU usage as known at this moment; the last attempt's figures usually follow in <see cref="MediaGpuUsageReported"/>.</summary>
    public MediaGpuUsage Usage { get; init; } = new();
}
