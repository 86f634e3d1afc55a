namespace Transcoding.Contracts;

/// <summary>
/// Published after <see cref="MediaReady"/> or <see cref="MediaTranscodeFailed"/> each time RunPod's figures of one of
/// the item's attempts arrive (usually once, a few seconds after the item ended): the item's whole usage as now known.
/// At least once, like every outbound message; the figures of an attempt never change once measured.
/// </summary>
public record MediaGpuUsageReported
{
    public Guid MediaId { get; init; }
    public MediaGpuUsage Usage { get; init; } = new();
}
