namespace Transcoding.Worker.Probing;

/// <summary>
/// What ffprobe found in a source: the stream the ladder is cut from, the audio stream, the duration in seconds (0 when
/// unknown), and a phrase for each video or audio stream that holds nothing (e.g. "the audio stream (#0) holds no
/// samples"); such streams are never chosen as <see cref="Video"/> or <see cref="Audio"/>.
/// </summary>
public sealed record MediaProbe(VideoStreamInfo? Video, AudioStreamInfo? Audio, double DurationSeconds, IReadOnlyList<string>? EmptyStreams = null)
{
    public bool IsAudioOnly => Video is null && Audio is not null;
}
