namespace Transcoding.Shared.Webhooks;

/// <summary>A Standard Webhooks secret, written <c>whsec_&lt;base64 key&gt;</c>.</summary>
public sealed class WebhookSecret
{
    private const string Prefix = "whsec_";

    private WebhookSecret(byte[] key) => Key = key;

    public byte[] Key { get; }

    public static WebhookSecret Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var encoded = value.StartsWith(Prefix, StringComparison.Ordinal) ? value[Prefix.Length..] : value;
        try
        {
            return new WebhookSecret(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            // Never echo the value: it is a secret.
            throw new FormatException("A webhook secret must be 'whsec_' followed by base64.");
        }
    }

    public static string Generate() => Prefix + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public override string ToString() => "whsec_***";
}
