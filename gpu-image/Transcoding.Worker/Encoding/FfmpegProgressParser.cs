using System.Globalization;

namespace Transcoding.Worker.Encoding;

/// <summary>
/// Reads ffmpeg's <c>-progress</c> output (blocks of key=value lines, each closed by <c>progress=continue|end</c>)
/// and turns each block into a percentage of the source duration.
/// </summary>
public sealed class FfmpegProgressParser(double durationSeconds)
{
    private double _outTimeSeconds;

    /// <summary>The last <c>out_time</c> read, seconds: after the run, how much was written.</summary>
    public double OutTimeSeconds => _outTimeSeconds;

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
}
