namespace Transcoding.Contracts;

/// <summary>
/// What the worker found in a video source and did about it (null in an outputs record for audio-only sources).
/// </summary>
public record SourceDescription
{
    /// <summary>
    /// <c>sdr</c>, <c>pq</c> (HDR10, SMPTE ST 2084) or <c>hlg</c> (ARIB STD-B67). HDR sources are tone-mapped: every
    /// rendition is SDR BT.709.
    /// </summary>
    public string DynamicRange { get; init; } = "sdr";

    /// <summary><c>progressive</c>, <c>tff</c> or <c>bff</c>; interlaced sources are deinterlaced (bwdif, one frame per frame).</summary>
    public string FieldOrder { get; init; } = "progressive";

    /// <summary>The source's average frame rate, frames per second.</summary>
    public double FramesPerSecond { get; init; }

    /// <summary>The constant rate every video rendition is written at (the source's, capped), frames per second.</summary>
    public double OutputFramesPerSecond { get; init; }
}
