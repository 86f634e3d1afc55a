namespace Transcoding.Contracts;

/// <summary>
/// Preview thumbnails for a player's seek bar: <see cref="ImageKey"/> is one JPEG sprite of <see cref="TileCount"/>
/// tiles of <see cref="TileWidth"/> x <see cref="TileHeight"/> pixels, <see cref="Columns"/> to a row, left to right then
/// top to bottom; tile n shows the picture at n x <see cref="IntervalSeconds"/>. <see cref="VttKey"/> is the same as
/// WebVTT cues with <c>#xywh=</c> fragments (the format video.js, Vidstack and Plyr thumbnail plugins read).
/// </summary>
public record StoryboardOutput
{
    public string ImageKey { get; init; } = "";
    public string VttKey { get; init; } = "";
    public int IntervalSeconds { get; init; }
    public int TileWidth { get; init; }
    public int TileHeight { get; init; }
    public int Columns { get; init; }
    public int TileCount { get; init; }
}
