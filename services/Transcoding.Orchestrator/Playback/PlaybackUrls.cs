using System.Globalization;
using Microsoft.Extensions.Options;
using Transcoding.Shared.Storage;

namespace Transcoding.Orchestrator.Playback;

/// <summary>
/// The links a browser plays an item's outputs through, none needing a header: playlists and the storyboard's WebVTT
/// go through the signed route <c>/playback/{id}/{path}</c> (their references are rewritten into links in turn);
/// segments and pictures are presigned bucket URLs when the storage has them (R2/S3), else the signed route too
/// (a local folder), which then streams the bytes.
/// </summary>
public sealed class PlaybackUrls(IObjectStorage storage, PlaybackSigner signer, IOptions<PlaybackOptions> options, TimeProvider time)
{
    public const string RoutePrefix = "/playback";

    /// <summary>Where a reference is resolved against to tell our keys from other URLs; never sent anywhere.</summary>
    private static readonly Uri KeyBase = new("https://bucket.invalid/");

    /// <summary>The expiry of links made now: now + <c>Playback:UrlLifetime</c>, in Unix seconds.</summary>
    public long ExpiresFromNow() => (time.GetUtcNow() + options.Value.UrlLifetime).ToUnixTimeSeconds();

    /// <summary>The link to <paramref name="key"/> (a key of the item, <see cref="MediaKeys.IsOf"/>) until
    /// <paramref name="expires"/>: root-relative for the signed route, absolute when presigned.</summary>
    public string For(Guid mediaId, string key, long expires)
    {
        var path = key[MediaKeys.Prefix(mediaId).Length..];
        return !IsRewritten(path) && storage.PresignedGetUrl(key, DateTimeOffset.FromUnixTimeSeconds(expires)) is { } presigned
            ? presigned.AbsoluteUri
            : $"{RoutePrefix}/{mediaId:D}/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}"
                + $"?expires={expires.ToString(CultureInfo.InvariantCulture)}&signature={signer.Sign(mediaId, path, expires)}";
    }

    /// <summary>Whether the signed route rewrites the file (HLS playlists, WebVTT) rather than passing it on.</summary>
    public static bool IsRewritten(string path) =>
        path.EndsWith(".m3u8", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".vtt", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="text"/> (the file at <paramref name="key"/>) with every reference to an object of the same item
    /// replaced by its link, expiring with the file's own link. A reference elsewhere (another item, another host) is
    /// left as written: relative, it reaches the signed route unsigned and is refused.
    /// </summary>
    public string Rewrite(Guid mediaId, string key, string text, long expires)
    {
        string Link(string reference)
        {
            var fragment = reference.IndexOf('#', StringComparison.Ordinal);
            var resolved = Uri.TryCreate(new Uri(KeyBase, key), fragment < 0 ? reference : reference[..fragment], out var target) && target.Host == KeyBase.Host
                ? Uri.UnescapeDataString(target.AbsolutePath[1..])
                : null;
            return MediaKeys.IsOf(mediaId, resolved)
                ? For(mediaId, resolved!, expires) + (fragment < 0 ? "" : reference[fragment..])
                : reference;
        }

        return key.EndsWith(".vtt", StringComparison.OrdinalIgnoreCase) ? PlaylistRewriter.RewriteVtt(text, Link) : PlaylistRewriter.RewriteHls(text, Link);
    }
}
