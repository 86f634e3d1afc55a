namespace Transcoding.Contracts;

/// <summary>Published when an attempt failed: by the gateway (worker or RunPod report) or by the dispatcher.</summary>
public record TranscodeFailed
{
    public Guid MediaId { get; init; }
    public int Attempt { get; init; }
    public string JobId { get; init; } = "";
    public string ErrorCode { get; init; } = "";
    public string ErrorMessage { get; init; } = "";

    /// <summary>True when another attempt cannot succeed (unreadable or unsupported input).</summary>
    public bool Permanent { get; init; }
}
