using System.Security.Cryptography;
using System.Text;

namespace Transcoding.Shared.Webhooks;

/// <summary>
/// RunPod's own job webhook is not signed, so the dispatcher puts a per-job token in its URL: an HMAC of the job
/// reference (media id and attempt) under a key only the dispatcher and the gateway hold.
/// </summary>
public sealed class RunPodWebhookToken(byte[] key)
{
    public string Create(Guid mediaId, int attempt) => Base64Url(Compute(mediaId, attempt));

    public bool IsValid(Guid mediaId, int attempt, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var expected = Compute(mediaId, attempt);
        byte[] actual;
        try
        {
            actual = Convert.FromBase64String(FromBase64Url(token));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private byte[] Compute(Guid mediaId, int attempt) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"runpod-job:{mediaId:D}:{attempt}"));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string FromBase64Url(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        return padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
    }
}
