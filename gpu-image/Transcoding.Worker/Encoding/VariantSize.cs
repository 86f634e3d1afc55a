namespace Transcoding.Worker.Encoding;

/// <summary>
/// What a variant's segments add up to, whole segments (video, audio and container): its average bit rate is
/// Bytes * 8 / Seconds, and <see cref="PeakBitsPerSecond"/> is the highest of any one segment's bytes * 8 / EXTINF.
/// </summary>
public sealed record VariantSize(long Bytes, double Seconds, long PeakBitsPerSecond)
{
    /// <summary>Bits per second rounded up, 0 when nothing was measured.</summary>
    public long AverageBitsPerSecond => Seconds > 0 ? (long)Math.Ceiling(Bytes * 8 / Seconds) : 0;

    /// <summary>Reads a media playlist and the sizes of the segment files it lists; a missing segment counts 0 bytes.</summary>
    public static VariantSize Measure(string playlistPath)
    {
        var folder = Path.GetDirectoryName(playlistPath)!;
        var playlist = MediaPlaylist.Parse(File.ReadAllText(playlistPath));
        long bytes = 0;
        long peak = 0;
        foreach (var segment in playlist.Segments)
        {
            var file = new FileInfo(Path.Combine(folder, segment.Uri));
            var length = file.Exists ? file.Length : 0;
            bytes += length;
            if (segment.Seconds > 0)
            {
                peak = Math.Max(peak, (long)Math.Ceiling(length * 8 / segment.Seconds));
            }
        }

        return new VariantSize(bytes, playlist.TotalSeconds, peak);
    }
}
