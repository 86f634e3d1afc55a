using Transcoding.Shared.Storage;

namespace Transcoding.Worker.Publishing;

public static class OutputObjectPolicy
{
    public const string PlaylistContentType = "application/vnd.apple.mpegurl";

    // Segment names repeat across media items only under different prefixes and never change once written.
    private const string Immutable = "public, max-age=31536000, immutable";
    private const string Day = "public, max-age=86400";
    private const string Playlist = "public, max-age=300";

    // The manifest is what says "ready": caches must always ask.
    private const string Revalidate = "no-cache";

    /// <param name="relativePath">Path under the media prefix with '/' separators, e.g. <c>hls/720p/index.m3u8</c>.</param>
    public static OutputObject Describe(string relativePath)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        if (relativePath == MediaKeys.ManifestName)
        {
            return new OutputObject("application/json", Revalidate, Phase: 3);
        }

        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".m3u8" when relativePath.Count(c => c == '/') == 1 => new OutputObject(PlaylistContentType, Playlist, Phase: 2),
            ".m3u8" => new OutputObject(PlaylistContentType, Playlist, Phase: 1),
            ".ts" => new OutputObject("video/mp2t", Immutable, Phase: 0),
            ".jpg" or ".jpeg" => new OutputObject("image/jpeg", Day, Phase: 0),
            ".json" => new OutputObject("application/json", Day, Phase: 0),
            ".vtt" => new OutputObject("text/vtt", Day, Phase: 0),
            _ => new OutputObject("application/octet-stream", Day, Phase: 0),
        };
    }
}
