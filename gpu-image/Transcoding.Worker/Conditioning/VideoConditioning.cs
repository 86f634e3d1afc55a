using Transcoding.Contracts;
using Transcoding.Worker.Probing;

namespace Transcoding.Worker.Conditioning;

/// <summary>
/// What a source's pictures need before the ladder scales them, in the order they are applied: deinterlacing
/// (<see cref="Deinterlace"/>, null for progressive), the frame-rate cap (<see cref="FrameRate"/>, the constant rate
/// every rendition is written at; null when the source gives none), tone mapping to SDR BT.709 (when
/// <see cref="DynamicRange"/> is not SDR), and the last picture held for <see cref="HoldLastSeconds"/> so the video
/// lasts as long as the audio.
/// </summary>
public sealed record VideoConditioning(FieldParity? Deinterlace, FrameRate? FrameRate, DynamicRange DynamicRange, double HoldLastSeconds)
{
    public static VideoConditioning None { get; } = new(null, null, DynamicRange.Sdr, 0);

    public bool ToneMaps => DynamicRange != DynamicRange.Sdr;

    /// <summary>The rate every rendition is written at, frames per second: the planned one, else the source's average.</summary>
    public double WrittenFramesPerSecond(VideoStreamInfo video) => FrameRate?.PerSecond ?? video.FramesPerSecond;

    /// <summary>The manifest's account of the source and of what was done to it.</summary>
    public SourceDescription Describe(VideoStreamInfo video) => new()
    {
        DynamicRange = DynamicRange.ToString().ToLowerInvariant(),
        FieldOrder = Deinterlace switch
        {
            FieldParity.TopFirst => "tff",
            FieldParity.BottomFirst => "bff",
            _ => "progressive",
        },
        FramesPerSecond = Math.Round(video.FramesPerSecond, 3),
        OutputFramesPerSecond = Math.Round(WrittenFramesPerSecond(video), 3),
    };

    /// <summary>Deinterlacing and tone mapping run on the CPU (bwdif, zscale and tonemap have no CUDA form in ffmpeg 5.1).</summary>
    public bool NeedsSystemMemory => Deinterlace is not null || ToneMaps;
}
