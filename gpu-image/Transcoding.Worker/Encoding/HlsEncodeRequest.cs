using Transcoding.Worker.Conditioning;
using Transcoding.Worker.Ladder;
using Transcoding.Worker.Probing;
using Transcoding.Worker.Storyboards;

namespace Transcoding.Worker.Encoding;

/// <summary>
/// One ffmpeg run producing the whole HLS ladder under <see cref="OutputDirectory"/> (the <c>hls/</c> folder, named by
/// <see cref="Transcoding.Shared.Storage.MediaKeys"/>) and, from the same decode, the other outputs asked for below
/// (none by default); <see cref="Conditioning"/> null means the pictures are used as they are.
/// </summary>
public sealed record HlsEncodeRequest(
    string InputPath,
    string OutputDirectory,
    MediaProbe Probe,
    IReadOnlyList<PlannedRung> Rungs,
    VideoEncoder Encoder,
    EncodeSettings Settings,
    VideoConditioning? Conditioning = null)
{
    /// <summary>
    /// Every usable audio track, main first (<see cref="AudioRendition.Plan"/>), planned once from the probe given at
    /// construction: the arguments, the master playlist and the manifest all read it.
    /// </summary>
    public IReadOnlyList<AudioRendition> AudioRenditions { get; } = AudioRendition.Plan(Probe);

    /// <summary>
    /// Several audio tracks: one <c>EXT-X-MEDIA</c> audio group, and video variants with no audio of their own. With one
    /// track its audio is muxed into every video variant, as before.
    /// </summary>
    public bool AudioGroup => AudioRenditions.Count > 1;

    /// <summary>The audio renditions with a playlist of their own: the group's, or the one of an audio-only source.</summary>
    public IReadOnlyList<AudioRendition> AudioPlaylists => AudioGroup || Probe.Video is null ? AudioRenditions : [];

    /// <summary>The poster's file (JPEG at the top rung's size, video only); null for none.</summary>
    public string? PosterPath { get; init; }

    /// <summary>The storyboard to lay out into <see cref="StoryboardPath"/> (video only); null for none.</summary>
    public StoryboardPlan? Storyboard { get; init; }

    public string? StoryboardPath { get; init; }

    /// <summary>ffmpeg's name of the container of the waveform's PCM on stdout (<c>s16le</c> or <c>wav</c>); null for none.</summary>
    public string? WaveformPcmFormat { get; init; }
}
