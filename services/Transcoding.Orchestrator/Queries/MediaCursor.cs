using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Transcoding.Orchestrator.Queries;

/// <summary>
/// The list's position: the key (createdAt, mediaId) of the last item a page returned; the next page starts strictly
/// after it in the order (createdAt desc, mediaId desc). On the wire it is opaque: base64url of a version byte, the
/// creation time's UTC ticks (8 bytes, big-endian), the id (16 bytes, RFC 4122 order) and the first 4 bytes of their
/// SHA-256, so an edited or truncated cursor is refused (400) instead of silently starting elsewhere. It is not a
/// secret: it only names a place in a list the caller may read anyway.
/// </summary>
public readonly record struct MediaCursor(DateTimeOffset CreatedAt, Guid MediaId)
{
    private const byte Version = 1;
    private const int PayloadLength = 1 + 8 + 16;
    private const int CheckLength = 4;

    public string Encode()
    {
        var bytes = new byte[PayloadLength + CheckLength];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1, 8), CreatedAt.UtcTicks);
        MediaId.TryWriteBytes(bytes.AsSpan(9, 16), bigEndian: true, out _);
        SHA256.HashData(bytes.AsSpan(0, PayloadLength))[..CheckLength].CopyTo(bytes.AsSpan(PayloadLength));
        return WebEncoders.Base64UrlEncode(bytes);
    }

    /// <summary>Reads a cursor <see cref="Encode"/> wrote; false for anything else.</summary>
    public static bool TryDecode(string text, out MediaCursor cursor)
    {
        cursor = default;
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(text);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length != PayloadLength + CheckLength || bytes[0] != Version
            || !SHA256.HashData(bytes.AsSpan(0, PayloadLength))[..CheckLength].AsSpan().SequenceEqual(bytes.AsSpan(PayloadLength)))
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1, 8));
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new MediaCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes.AsSpan(9, 16), bigEndian: true));
        return true;
    }
}
