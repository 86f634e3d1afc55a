using System.Globalization;

namespace Transcoding.Benchmarks;

/// <summary>A stream's size from its packets, as ffprobe lists them (container and audio bytes left out).</summary>
public static class VideoBits
{
    /// <summary>ffprobe's arguments listing the first video stream's packet sizes in bytes, one a line.</summary>
    public static IReadOnlyList<string> ProbeArguments(string input) =>
        ["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=size", "-of", "csv=p=0", input];

    /// <summary>Bits: 8 × the sum of the packet sizes in <paramref name="ffprobeOutput"/> (bytes, one a line; blank lines ignored).</summary>
    /// <exception cref="FormatException">No packet, or a line that is not a byte count.</exception>
    public static long Sum(string ffprobeOutput)
    {
        var sizes = ffprobeOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => long.Parse(line.TrimEnd(','), NumberStyles.None, CultureInfo.InvariantCulture))
            .ToList();
        return sizes.Count > 0 ? sizes.Sum() * 8 : throw new FormatException("No video packet in ffprobe's output.");
    }
}
