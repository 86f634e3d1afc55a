namespace Transcoding.Worker.Probing;

/// <summary>
/// What ffprobe found in a source: the stream the ladder is cut from, every usable audio stream in source order, the
/// duration in seconds (0 when unknown), and a phrase for each video or audio stream that holds nothing (e.g. "the
/// audio stream (#0) holds no samples"); such streams are never chosen.
/// </summary>
public sealed record MediaProbe(VideoStreamInfo? Video, IReadOnlyList<AudioStreamInfo> AudioStreams, double DurationSeconds, IReadOnlyList<string>? EmptyStreams = null)
{
    public MediaProbe(VideoStreamInfo? video, AudioStreamInfo? audio, double durationSeconds)
        : this(video, audio is null ? [] : [audio], durationSeconds)
    {
    }

    /// <summary>The main audio track: the one marked default, else the first (what players pick when nothing is chosen).</summary>
    public AudioStreamInfo? Audio => AudioStreams.FirstOrDefault(a => a.IsDefault) ?? (AudioStreams is [var first, ..] ? first : null);

    public bool IsAudioOnly => Video is null && Audio is not null;
}
