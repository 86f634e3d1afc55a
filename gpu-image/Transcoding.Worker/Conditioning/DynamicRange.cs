namespace Transcoding.Worker.Conditioning;

/// <summary>
/// The transfer characteristic of a source's pictures: SDR, HDR10/PQ (SMPTE ST 2084, <c>smpte2084</c>) or HLG
/// (ARIB STD-B67, <c>arib-std-b67</c>). Dolby Vision's own metadata is not read; its base layer is one of these.
/// </summary>
public enum DynamicRange
{
    Sdr,
    Pq,
    Hlg,
}
