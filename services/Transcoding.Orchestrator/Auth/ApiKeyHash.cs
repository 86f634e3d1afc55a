using System.Security.Cryptography;
using System.Text;

namespace Transcoding.Orchestrator.Auth;

/// <summary>How an API key is kept in configuration: the SHA-256 of its UTF-8 bytes, in hex
/// (<c>printf %s "$KEY" | sha256sum</c>). A key is a long random string, so an unsalted fast hash is enough: the hash
/// only spares configuration and its backups from holding the key.</summary>
public static class ApiKeyHash
{
    public const int HexLength = SHA256.HashSizeInBytes * 2;

    public static byte[] Of(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <returns>The 32 bytes, or null unless <paramref name="hex"/> is 64 hex digits.</returns>
    public static byte[]? Parse(string? hex)
    {
        if (hex is null || hex.Length != HexLength)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
