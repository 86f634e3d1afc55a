namespace Transcoding.Orchestrator.Playback;

/// <summary>
/// <c>GET /media/{id}/playback</c>: links to play a ready item, each working without credentials until
/// <paramref name="ExpiresAt"/> (root-relative on the orchestrator's signed route, or absolute presigned bucket URLs).
/// </summary>
/// <param name="Master">The HLS master playlist (its renditions' links are inside it).</param>
/// <param name="Poster">The poster picture; null for audio-only.</param>
/// <param name="Waveform"><c>waveform.json</c> (BBC <c>waveform-data</c>); null when absent.</param>
/// <param name="Storyboard">The seek-bar thumbnails; null for audio-only and older items.</param>
public sealed record PlaybackLinks(DateTimeOffset ExpiresAt, string Master, string? Poster, string? Waveform, StoryboardLinks? Storyboard);
