using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Transcoding.Shared.Webhooks;

/// <summary>Signs payloads the Standard Webhooks way: HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>.</summary>
public sealed class WebhookSigner(WebhookSecret secret)
{
    public string Sign(string webhookId, long timestamp, ReadOnlySpan<byte> body) => "v1," + Convert.ToBase64String(Compute(secret.Key, webhookId, timestamp, body));

    internal static byte[] Compute(byte[] key, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{webhookId}.{timestamp}."));
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
