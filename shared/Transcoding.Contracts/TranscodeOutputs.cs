namespace Transcoding.Contracts;

/// <summary>The outputs record: what <c>manifest.json</c> holds and <see cref="TranscodeCompleted"/> carries.</summary>
public record TranscodeOutputs
{
    public string MasterPlaylistKey { get; init; } = "";
    public IReadOnlyList<Rendition> Renditions { get; init; } = [];
    public double DurationSeconds { get; init; }
    public string? PosterKey { get; init; }
    public WaveformOutput? Waveform { get; init; }

    /// <summary>Seek-bar thumbnails (sprite + WebVTT); null for audio-only, and in records written before they existed.</summary>
    public StoryboardOutput? Storyboard { get; init; }

    /// <summary>The video encoder that ran (<c>h264_nvenc</c> or <c>libx264</c>), empty for audio-only.</summary>
    public string Encoder { get; init; } = "";
    public string ManifestKey { get; init; } = "";

    /// <summary>What the source was (dynamic range, field order, frame rate); null for audio-only.</summary>
    public SourceDescription? Source { get; init; }
}
