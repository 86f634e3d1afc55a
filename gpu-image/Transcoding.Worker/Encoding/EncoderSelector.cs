using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Transcoding.Worker.Encoding;

/// <summary>
/// Chooses the video encoder once per process: <c>Worker:Encoder</c> = libx264 or h264_nvenc forces it; auto (the
/// default) uses NVENC when a real test encode works, libx264 otherwise (a pod without a usable GPU still works).
/// </summary>
public sealed class EncoderSelector(IEncoderProbe probe, IOptions<WorkerOptions> options, ILogger<EncoderSelector> logger)
{
    private readonly Lazy<Task<VideoEncoder>> _selection = new Lazy<Task<VideoEncoder>>(() => SelectAsync(probe, options.Value.Encoder, logger));

    public Task<VideoEncoder> SelectAsync() => _selection.Value;

    private static async Task<VideoEncoder> SelectAsync(IEncoderProbe probe, string configured, ILogger logger)
    {
        var encoder = configured switch
        {
            VideoEncoderNames.Libx264 => VideoEncoder.Libx264,
            VideoEncoderNames.H264Nvenc => VideoEncoder.H264Nvenc,
            _ => await probe.WorksAsync(VideoEncoder.H264Nvenc, CancellationToken.None) ? VideoEncoder.H264Nvenc : VideoEncoder.Libx264,
        };
        Log.EncoderSelected(logger, encoder.FfmpegName(), configured);
        return encoder;
    }
}
