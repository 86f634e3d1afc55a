namespace Transcoding.Worker.Probing;

/// <summary>What ffprobe found in a source: the stream the ladder is cut from, the audio stream, the duration.</summary>
public sealed record MediaProbe(VideoStreamInfo? Video, AudioStreamInfo? Audio, double DurationSeconds)
{
    public bool IsAudioOnly => Video is null && Audio is not null;
}
