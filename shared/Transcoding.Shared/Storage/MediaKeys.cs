using Transcoding.Contracts;

namespace Transcoding.Shared.Storage;

/// <summary>
/// The storage layout (conventions: storage layout), the one definition the worker writes by, the gateway and the
/// dispatcher check against and the tests read: everything of a media item under <c>media/{mediaId}/</c>. The
/// <c>*Name</c> constants are paths relative to that prefix (the worker's output folder mirrors it); the methods give
/// whole object keys.
/// </summary>
public static class MediaKeys
{
    /// <summary>The HLS folder: <c>master.m3u8</c> and one folder per rendition.</summary>
    public const string HlsFolderName = "hls";
    public const string MasterPlaylistName = "master.m3u8";

    /// <summary>Every rendition's media playlist, in its folder <c>hls/{rendition}/</c>.</summary>
    public const string PlaylistName = "index.m3u8";

    /// <summary>The outputs record, written last: its presence says the outputs are complete.</summary>
    public const string ManifestName = "manifest.json";
    public const string PosterName = "poster.jpg";
    public const string WaveformJsonName = "waveform.json";
    public const string WaveformDatName = "waveform.dat";

    /// <summary>The storyboard: a sprite of seek-bar thumbnails and the WebVTT cues that point into it (video only).</summary>
    public const string StoryboardImageName = "storyboard.jpg";
    public const string StoryboardVttName = "storyboard.vtt";

    public static string Prefix(Guid mediaId) => $"media/{mediaId:D}/";

    /// <summary><c>media/{mediaId}/hls/</c>, ending with '/'.</summary>
    public static string HlsFolder(Guid mediaId) => $"{Prefix(mediaId)}{HlsFolderName}/";

    public static string MasterPlaylist(Guid mediaId) => HlsFolder(mediaId) + MasterPlaylistName;

    /// <param name="rendition">A rung (<c>720p</c>) or an audio rendition (<c>audio</c>, <c>audio-2</c>).</param>
    public static string RenditionPlaylist(Guid mediaId, string rendition) => $"{HlsFolder(mediaId)}{rendition}/{PlaylistName}";

    public static string Manifest(Guid mediaId) => Prefix(mediaId) + ManifestName;

    public static string Poster(Guid mediaId) => Prefix(mediaId) + PosterName;

    public static string WaveformJson(Guid mediaId) => Prefix(mediaId) + WaveformJsonName;

    public static string WaveformDat(Guid mediaId) => Prefix(mediaId) + WaveformDatName;

    public static string StoryboardImage(Guid mediaId) => Prefix(mediaId) + StoryboardImageName;

    public static string StoryboardVtt(Guid mediaId) => Prefix(mediaId) + StoryboardVttName;

    /// <summary>
    /// Every key an outputs record points at, itself first: manifest, master playlist, each rendition's playlist, then
    /// poster, waveform and storyboard when present. A record read from the wire may hold nulls; they are listed as null.
    /// </summary>
    public static IEnumerable<string?> Of(TranscodeOutputs outputs)
    {
        yield return outputs.ManifestKey;
        yield return outputs.MasterPlaylistKey;
        foreach (var rendition in outputs.Renditions ?? [])
        {
            yield return rendition?.PlaylistKey;
        }

        if (outputs.PosterKey is not null)
        {
            yield return outputs.PosterKey;
        }

        if (outputs.Waveform is not null)
        {
            yield return outputs.Waveform.JsonKey;
            yield return outputs.Waveform.DatKey;
        }

        if (outputs.Storyboard is not null)
        {
            yield return outputs.Storyboard.ImageKey;
            yield return outputs.Storyboard.VttKey;
        }
    }

    /// <summary>
    /// True when <paramref name="key"/> names an object strictly below <see cref="Prefix"/> of <paramref name="mediaId"/>
    /// and is a valid key (<see cref="ObjectKeys"/>: no empty, "." or ".." segment, no backslash or control character),
    /// so no reader can resolve it to another media item.
    /// </summary>
    public static bool IsOf(Guid mediaId, string? key)
    {
        var prefix = Prefix(mediaId);
        return key is not null && key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.Ordinal) && ObjectKeys.Problem(key) is null;
    }
}
