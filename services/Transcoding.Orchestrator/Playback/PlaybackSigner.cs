using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Transcoding.Orchestrator.Playback;

/// <summary>
/// Signatures of the playback route: HMAC-SHA256 with <c>Playback:SigningKey</c> over <c>{mediaId}/{path}\n{expires}</c>
/// (path relative to <c>media/{mediaId}/</c>, expires in Unix seconds), written base64url. The signature is the
/// credential, so a link works in a <c>&lt;video&gt;</c> element that cannot send headers, for one item's one object,
/// until it expires.
/// </summary>
public sealed class PlaybackSigner(IOptions<PlaybackOptions> options, TimeProvider time)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.SigningKey);

    public string Sign(Guid mediaId, string path, long expires) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Content(mediaId, path, expires)));

    /// <summary>True when <paramref name="signature"/> is this path's and <paramref name="expires"/> is still ahead;
    /// compared in constant time.</summary>
    public bool IsValid(Guid mediaId, string path, long expires, string? signature)
    {
        if (signature is null || expires <= time.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        byte[] presented;
        try
        {
            presented = WebEncoders.Base64UrlDecode(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(presented, HMACSHA256.HashData(_key, Content(mediaId, path, expires)));
    }

    private static byte[] Content(Guid mediaId, string path, long expires) =>
        Encoding.UTF8.GetBytes($"{mediaId:D}/{path}\n{expires.ToString(CultureInfo.InvariantCulture)}");
}
