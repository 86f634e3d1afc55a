namespace Transcoding.Orchestrator.Playback;

/// <summary>The storyboard of <see cref="PlaybackLinks"/>: the WebVTT thumbnail track (its cues point into the
/// sprite by links with <c>#xywh=</c>) and the sprite itself.</summary>
public sealed record StoryboardLinks(string Vtt, string Image);
