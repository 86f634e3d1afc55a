namespace Transcoding.Worker.Probing;

/// <summary>
/// A decodable picture stream. <see cref="Rotation"/> is the clockwise display rotation in degrees (0, 90, 180, 270).
/// <see cref="FramesPerSecond"/> is the average rate; <see cref="FrameRate"/> the rate ffmpeg will time frames at
/// (<c>r_frame_rate</c>), which differs for variable-frame-rate sources. Colour and field fields hold ffprobe's
/// names (<c>smpte2084</c>, <c>arib-std-b67</c>, <c>bt2020</c>, <c>tt</c>...), null when the stream does not say.
/// </summary>
public sealed record VideoStreamInfo(int Index, string Codec, int Width, int Height, int Rotation, double SampleAspectRatio, double FramesPerSecond)
{
    private bool IsQuarterTurn => Rotation is 90 or 270;

    /// <summary>Width as shown to the viewer: non-square pixels stretched, rotation applied.</summary>
    public double DisplayWidth => IsQuarterTurn ? Height : Width * SampleAspectRatio;

    public double DisplayHeight => IsQuarterTurn ? Width * SampleAspectRatio : Height;

    public FrameRate? FrameRate { get; init; }

    public string? PixelFormat { get; init; }

    public string? ColorTransfer { get; init; }

    public string? ColorPrimaries { get; init; }

    public string? ColorSpace { get; init; }

    public string? ColorRange { get; init; }

    /// <summary><c>progressive</c>, <c>tt</c>, <c>bb</c>, <c>tb</c>, <c>bt</c>, or null when unknown.</summary>
    public string? FieldOrder { get; init; }

    /// <summary>Start time plus duration on the container's timeline, seconds; 0 when unknown.</summary>
    public double EndSeconds { get; init; }
}
