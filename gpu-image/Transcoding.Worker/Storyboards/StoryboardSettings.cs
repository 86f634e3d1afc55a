namespace Transcoding.Worker.Storyboards;

/// <summary>
/// How storyboards are cut (<see cref="WorkerOptions"/>): tiles <paramref name="TileWidth"/> pixels wide (never wider than
/// the top rung), one every <paramref name="MinIntervalSeconds"/> seconds or more, so that a video has at most
/// <paramref name="MaxTiles"/> of them, <paramref name="Columns"/> to a row of the sprite.
/// </summary>
public sealed record StoryboardSettings(int TileWidth, int MinIntervalSeconds, int MaxTiles, int Columns);
