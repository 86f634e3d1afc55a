using System.Security.Cryptography;
using System.Text;

namespace Transcoding.LocalRunPod.Api;

/// <summary>Clients send <c>Bearer &lt;key&gt;</c>; the RunPod worker SDK sends the bare key. Compared in constant time.</summary>
public static class ApiKeyCheck
{
    private const string BearerPrefix = "Bearer ";

    public static bool IsAuthorized(string? authorization, string apiKey)
    {
        if (string.IsNullOrEmpty(authorization) || string.IsNullOrEmpty(apiKey))
        {
            return false;
        }

        var presented = authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[BearerPrefix.Length..].Trim()
            : authorization.Trim();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(apiKey));
    }
}
