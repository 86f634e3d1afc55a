namespace Transcoding.Shared.Storage;

/// <summary>The storage layout every service and the worker agree on (see conventions: storage layout).</summary>
public static class MediaKeys
{
    public static string Prefix(Guid mediaId) => $"media/{mediaId:D}/";

    public static string MasterPlaylist(Guid mediaId) => Prefix(mediaId) + "hls/master.m3u8";

    public static string RenditionPlaylist(Guid mediaId, string rendition) => Prefix(mediaId) + $"hls/{rendition}/index.m3u8";

    public static string Manifest(Guid mediaId) => Prefix(mediaId) + "manifest.json";

    public static string Poster(Guid mediaId) => Prefix(mediaId) + "poster.jpg";

    public static string WaveformJson(Guid mediaId) => Prefix(mediaId) + "waveform.json";

    public static string WaveformDat(Guid mediaId) => Prefix(mediaId) + "waveform.dat";
}
