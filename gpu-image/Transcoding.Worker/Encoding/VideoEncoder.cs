namespace Transcoding.Worker.Encoding;

public enum VideoEncoder
{
    Libx264,
    H264Nvenc,
}

public static class VideoEncoderNames
{
    public const string Auto = "auto";
    public const string Libx264 = "libx264";
    public const string H264Nvenc = "h264_nvenc";

    public static string FfmpegName(this VideoEncoder encoder) => encoder switch
    {
        VideoEncoder.H264Nvenc => H264Nvenc,
        _ => Libx264,
    };
}
