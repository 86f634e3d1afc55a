using System.Globalization;

namespace Transcoding.Worker.Encoding;

/// <summary>What a variant's segments add up to: its average bit rate is Bytes * 8 / Seconds.</summary>
public sealed record VariantSize(long Bytes, double Seconds)
{
    /// <summary>Sums the <c>#EXTINF</c> durations of a media playlist and the sizes of the segment files it lists.</summary>
    public static VariantSize Measure(string playlistPath)
    {
        var folder = Path.GetDirectoryName(playlistPath)!;
        long bytes = 0;
        double seconds = 0;
        foreach (var line in File.ReadLines(playlistPath))
        {
            if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                seconds += double.Parse(line["#EXTINF:".Length..].Split(',')[0], CultureInfo.InvariantCulture);
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                bytes += new FileInfo(Path.Combine(folder, line.Trim())).Length;
            }
        }

        return new VariantSize(bytes, seconds);
    }
}
