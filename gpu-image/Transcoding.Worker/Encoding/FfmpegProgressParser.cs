using System.Globalization;

namespace Transcoding.Worker.Encoding;

/// <summary>
/// Reads ffmpeg's <c>-progress</c> output (blocks of key=value lines, each closed by <c>progress=continue|end</c>)
/// and turns each block into a percentage of the source duration.
/// </summary>
public sealed partial class FfmpegProgressParser(double durationSeconds)
{
    private double _outTimeSeconds;

    /// <summary>The last <c>out_time</c> read, seconds: after the run, how much was written.</summary>
    public double OutTimeSeconds => _outTimeSeconds;

    /// <summary>
    /// True for a line of a <c>-progress</c> block (<c>frame=</c>, <c>out_time_us=</c>, <c>stream_0_0_q=</c>, …
    /// <c>progress=</c>, as ffmpeg 5.1's print_report writes them): with <c>-progress pipe:2</c> they share stderr with
    /// ffmpeg's log, whose lines never start with one of these keys and '='.
    /// </summary>
    public static bool IsProgressLine(string line) => ProgressKey().IsMatch(line);

    /// <summary>Returns the percentage when <paramref name="line"/> closes a block, otherwise null.</summary>
    public double? Feed(string line)
    {
        var separator = line.IndexOf('=');
        if (separator <= 0)
        {
            return null;
        }

        var key = line.AsSpan(0, separator).Trim();
        var value = line.AsSpan(separator + 1).Trim();

        // out_time_ms is microseconds too (a historical misnomer in ffmpeg).
        if (key is "out_time_us" or "out_time_ms")
        {
            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var microseconds) && microseconds >= 0)
            {
                _outTimeSeconds = microseconds / 1_000_000.0;
            }

            return null;
        }

        if (key is not "progress")
        {
            return null;
        }

        if (value is "end")
        {
            return 100;
        }

        if (durationSeconds <= 0)
        {
            return null;
        }

        return Math.Round(Math.Clamp(_outTimeSeconds / durationSeconds * 100, 0, 100), 1);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^(frame|fps|stream_[0-9]+_[0-9]+_q|bitrate|total_size|out_time_us|out_time_ms|out_time|dup_frames|drop_frames|speed|progress)=")]
    private static partial System.Text.RegularExpressions.Regex ProgressKey();
}
