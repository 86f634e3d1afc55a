using System.Security.Cryptography;
using System.Text;

namespace Transcoding.Orchestrator.Tests.Playback;

/// <summary>
/// Checks a SigV4 query-string presigned GET URL (AWS "Authenticating Requests: Using Query Parameters") against the
/// secret key, computed here rather than by the SDK, because s3rver accepts any v4 signature: the signature must hold
/// for the host the URL names, or a real S3/R2/MinIO refuses it (403 SignatureDoesNotMatch).
/// </summary>
public static class PresignedUrlSignature
{
    /// <summary>Whether <paramref name="url"/>'s <c>X-Amz-Signature</c> is the one for its own host, path and
    /// query, signed with <paramref name="secretKey"/> in <paramref name="region"/> (only <c>host</c> signed).</summary>
    public static bool HoldsFor(Uri url, string secretKey, string region)
    {
        var parameters = url.Query.TrimStart('?').Split('&')
            .Select(pair => (Name: pair[..pair.IndexOf('=', StringComparison.Ordinal)], Pair: pair))
            .ToList();
        string Value(string name) => Uri.UnescapeDataString(parameters.Single(p => p.Name == name).Pair[(name.Length + 1)..]);
        if (Value("X-Amz-SignedHeaders") != "host")
        {
            return false;
        }

        var timestamp = Value("X-Amz-Date");
        var day = timestamp[..8];
        var canonicalRequest = string.Join('\n',
            "GET",
            url.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped),
            string.Join('&', parameters.Where(p => p.Name != "X-Amz-Signature").OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Pair)),
            $"host:{url.Authority}",
            "",
            "host",
            "UNSIGNED-PAYLOAD");
        var stringToSign = string.Join('\n',
            "AWS4-HMAC-SHA256",
            timestamp,
            $"{day}/{region}/s3/aws4_request",
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = new[] { day, region, "s3", "aws4_request" }
            .Aggregate(Encoding.UTF8.GetBytes("AWS4" + secretKey), (current, part) => HMACSHA256.HashData(current, Encoding.UTF8.GetBytes(part)));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return string.Equals(expected, Value("X-Amz-Signature"), StringComparison.Ordinal);
    }
}
