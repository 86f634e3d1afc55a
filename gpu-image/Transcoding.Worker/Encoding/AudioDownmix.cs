using Transcoding.Worker.Probing;

namespace Transcoding.Worker.Encoding;

/// <summary>
/// Stereo at the levels a player uses, as ffmpeg audio filters, for the HLS audio and the waveform alike. Downmix by
/// ITU-R BS.775: L = FL + 0.707·FC + 0.707·(SL, BL), R likewise, LFE dropped, nothing scaled down. A mono track is copied
/// to both sides, as players up-mix it (W3C Web Audio API, channel up-mixing, "speakers"). ffmpeg's own <c>-ac</c>
/// rematrixing has these levels only when it works in floating point (the AAC encoder): towards 16-bit PCM it scales
/// the whole matrix down to its largest row sum, which put a 5.1 waveform 7.7 dB below what plays.
/// </summary>
public static class AudioDownmix
{
    /// <summary>
    /// A filter that makes <paramref name="audio"/> stereo, null when it is stereo already. <c>rematrix_maxval</c> is
    /// the ceiling above which ffmpeg scales the matrix down; 1000, its largest value, turns that off.
    /// </summary>
    public static string? Stereo(AudioStreamInfo audio) => audio.Channels switch
    {
        2 => null,
        1 => "pan=stereo|c0=c0|c1=c0",
        _ => "aresample=ochl=stereo:clev=0.7071:slev=0.7071:lfe_mix_level=0:rematrix_maxval=1000",
    };

    /// <summary>The mean of that stereo's two sides: the one channel the waveform draws.</summary>
    public static string Mono(AudioStreamInfo audio) => string.Join(',', new[] { Stereo(audio), "pan=mono|c0=0.5*c0+0.5*c1" }.OfType<string>());
}
