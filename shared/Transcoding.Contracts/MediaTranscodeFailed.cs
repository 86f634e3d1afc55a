namespace Transcoding.Contracts;

public record MediaTranscodeFailed
{
    public Guid MediaId { get; init; }
    public string ErrorCode { get; init; } = "";
    public string Reason { get; init; } = "";
    public bool Permanent { get; init; }
    public int AttemptsUsed { get; init; }
    public bool RetryAllowed { get; init; }
    public DateTimeOffset FailedAt { get; init; }

    /// <summary>GPU usage as known at this moment; the last attempt's figures usually follow in <see cref="MediaGpuUsageReported"/>.</summary>
    public MediaGpuUsage Usage { get; init; } = new();
}
