namespace Transcoding.Worker.Probing;

/// <summary>A decodable picture stream. <see cref="Rotation"/> is the clockwise display rotation in degrees (0, 90, 180, 270).</summary>
public sealed record VideoStreamInfo(int Index, string Codec, int Width, int Height, int Rotation, double SampleAspectRatio, double FramesPerSecond)
{
    private bool IsQuarterTurn => Rotation is 90 or 270;

    /// <summary>Width as shown to the viewer: non-square pixels stretched, rotation applied.</summary>
    public double DisplayWidth => IsQuarterTurn ? Height : Width * SampleAspectRatio;

    public double DisplayHeight => IsQuarterTurn ? Width * SampleAspectRatio : Height;
}
