namespace Transcoding.Worker.Encoding;

/// <summary>ffmpeg or ffprobe exited non-zero; <see cref="ErrorOutput"/> is the tail of its stderr.</summary>
public sealed class ToolFailedException(string tool, int exitCode, string errorOutput)
    : Exception($"{tool} exited with code {exitCode}: {errorOutput}")
{
    public string ErrorOutput { get; } = errorOutput;
}
