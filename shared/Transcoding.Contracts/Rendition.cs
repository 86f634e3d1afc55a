namespace Transcoding.Contracts;

/// <summary>One rung of the HLS ladder; Width and Height are null for the audio-only rendition.</summary>
public record Rendition
{
    public string Name { get; init; } = "";
    public int? Width { get; init; }
    public int? Height { get; init; }
    public int VideoBitrateKbps { get; init; }
    public int AudioBitrateKbps { get; init; }
    public string PlaylistKey { get; init; } = "";
}
