namespace Transcoding.Worker.Validation;

/// <summary>
/// Tells a source that ends early (an upload cut short: the header promises 6 s, the bytes hold 3.5 s) from output of
/// ours that is short. Both need the output to fall short of the probed duration by more than the validator's
/// tolerance, so this rule only ever names the cause of a failure <see cref="HlsOutputValidator"/> raises anyway and
/// cannot fail a file that would otherwise be ready. The source is blamed only when ffmpeg, which exits 0 on a cut
/// file, said why on stderr ("partial file", "File ended prematurely", decode errors); without that evidence the
/// short output stays our problem (transient <c>output_invalid</c>).
/// </summary>
public static class SourceTruncation
{
    /// <param name="writtenSeconds">The EXTINF sum of each media playlist written, in seconds.</param>
    /// <param name="probedSeconds">The duration ffprobe read from the container; 0 (unknown) never counts as truncated.</param>
    /// <param name="ffmpegErrors">ffmpeg's stderr at <c>-v error</c> from an encode that exited 0; "" when it met no problem.</param>
    /// <returns>The seconds that could be decoded (the longest variant; 0 when nothing was written) if the source ends early, else null.</returns>
    public static double? DecodableSeconds(IEnumerable<double> writtenSeconds, double probedSeconds, string ffmpegErrors)
    {
        var decodable = writtenSeconds.DefaultIfEmpty(0).Max();
        return probedSeconds > 0 && !string.IsNullOrWhiteSpace(ffmpegErrors) && decodable < probedSeconds - HlsOutputValidator.DurationToleranceSeconds
            ? decodable
            : null;
    }
}
