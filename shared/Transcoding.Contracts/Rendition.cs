namespace Transcoding.Contracts;

/// <summary>
/// One rung of the HLS ladder (Width and Height set), or an audio rendition (Width and Height null): the one of an
/// audio-only source, or one track of a source with several, each in the master's <c>EXT-X-MEDIA</c> audio group
/// (<c>hls/audio</c> the default, <c>hls/audio-{n}</c> the others). With such a group the rungs carry no audio of their
/// own and their AudioBitrateKbps is 0. Label, Language and IsDefault are set on audio renditions only.
/// </summary>
public record Rendition
{
    public string Name { get; init; } = "";
    public int? Width { get; init; }
    public int? Height { get; init; }
    public int VideoBitrateKbps { get; init; }
    public int AudioBitrateKbps { get; init; }
    public string PlaylistKey { get; init; } = "";

    /// <summary>The name players show (<c>EXT-X-MEDIA</c> NAME): the track's title, else its language's own name, else "Audio n".</summary>
    public string? Label { get; init; }

    /// <summary>The RFC 5646 language tag (<c>en</c>, <c>fr</c>), null when the source does not say.</summary>
    public string? Language { get; init; }

    /// <summary>True on the track players start with: the source's default track, else its first.</summary>
    public bool? IsDefault { get; init; }
}
