using System.Globalization;
using Transcoding.Worker.Ladder;

namespace Transcoding.Worker.Encoding;

/// <summary>
/// Capped quality on both encoders: a constant quality target spends only the bits a picture needs (a slide costs far
/// less than grain), and each rung's bitrate caps it, so no rung runs above the bandwidth its playlist advertises.
/// </summary>
public static class RateControl
{
    /// <summary>
    /// Frames NVENC plans ahead: about two-thirds of a second at 30 fps, enough to move bits towards a coming change and
    /// place B-frames; every frame more is one more surface per rung in GPU memory (one encoder session per rung).
    /// </summary>
    public const int NvencLookaheadFrames = 20;

    /// <summary>
    /// The rate-control arguments for <paramref name="rungs"/> (output video stream <c>v:i</c> is rung <c>i</c>):
    /// <list type="bullet">
    /// <item>libx264: <c>-crf</c> <see cref="EncodeSettings.Crf"/>;</item>
    /// <item>h264_nvenc: <c>-rc vbr -cq</c> <see cref="EncodeSettings.Cq"/> with <c>-b:v 0</c> (ffmpeg's NVENC default
    /// of 2 Mb/s would otherwise stay an average target beside the quality one in older releases; newer ones zero it
    /// themselves), spatial adaptive quantisation (NVENC's default strength, 8 of 1-15; not temporal AQ, which some NVENC
    /// generations lack: the encoder would fail to open on every job, and the encoder probe, which sets no AQ, would not
    /// notice) and
    /// <see cref="NvencLookaheadFrames"/> of lookahead;</item>
    /// <item>both, per rung: <c>-maxrate:v:i</c> = the rung's kb/s over <c>-bufsize:v:i</c> = twice that (a two-second
    /// buffer).</item>
    /// </list>
    /// Option names and ranges as ffmpeg 5.1 prints them (<c>ffmpeg -h encoder=h264_nvenc</c>, <c>-h encoder=libx264</c>).
    /// </summary>
    public static IReadOnlyList<string> Arguments(VideoEncoder encoder, EncodeSettings settings, IReadOnlyList<PlannedRung> rungs)
    {
        string[] quality = encoder == VideoEncoder.H264Nvenc
            ?
            [
                "-rc", "vbr", "-cq", Invariant(settings.Cq), "-b:v", "0",
                "-spatial-aq", "1", "-rc-lookahead", Invariant(NvencLookaheadFrames),
            ]
            : ["-crf", Invariant(settings.Crf)];
        var caps = rungs.SelectMany((rung, i) => new[]
        {
            $"-maxrate:v:{i}", $"{rung.VideoBitrateKbps}k", $"-bufsize:v:{i}", $"{rung.VideoBitrateKbps * 2}k",
        });
        return [.. quality, .. caps];
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
