namespace Transcoding.Worker.Encoding;

/// <summary>
/// Bits per second of what a variant plays, whole segments (video, audio, container): <see cref="Peak"/>, the highest
/// of any one segment, for <c>BANDWIDTH</c>; <see cref="Average"/> for <c>AVERAGE-BANDWIDTH</c> (RFC 8216 section 4.3.4.2).
/// </summary>
public sealed record BitRates(long Peak, long Average)
{
    public static BitRates Of(VariantSize size) => new(size.PeakBitsPerSecond, size.AverageBitsPerSecond);
}
