using System.Security.Cryptography;

namespace Transcoding.Shared.Webhooks;

/// <summary>Verifies Standard Webhooks signatures against every active secret (rotation), in constant time.</summary>
public sealed class WebhookVerifier(IReadOnlyList<WebhookSecret> secrets, TimeProvider time, TimeSpan tolerance)
{
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public WebhookVerificationResult Verify(string? webhookId, string? timestamp, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(webhookId) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatureHeader))
        {
            return WebhookVerificationResult.MissingHeaders;
        }

        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerificationResult.MalformedTimestamp;
        }

        // Compared as numbers: DateTimeOffset.FromUnixTimeSeconds throws for a hostile far-future value (a 500, not a 401).
        if (Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > (long)tolerance.TotalSeconds)
        {
            return WebhookVerificationResult.TimestampOutOfWindow;
        }

        var matched = false;
        foreach (var secret in secrets)
        {
            var expected = WebhookSigner.Compute(secret.Key, webhookId, seconds, body);
            foreach (var entry in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var comma = entry.IndexOf(',');
                if (comma < 0 || entry.AsSpan(0, comma) is not "v1")
                {
                    continue;
                }

                var candidate = new byte[expected.Length];
                if (Convert.TryFromBase64String(entry[(comma + 1)..], candidate, out var written) && written == expected.Length)
                {
                    // No early exit: every entry and secret is compared, so timing tells nothing about which matched.
                    matched |= CryptographicOperations.FixedTimeEquals(candidate, expected);
                }
            }
        }

        return matched ? WebhookVerificationResult.Valid : WebhookVerificationResult.NoMatchingSignature;
    }
}
