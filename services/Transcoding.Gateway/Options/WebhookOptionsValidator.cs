using Microsoft.Extensions.Options;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Options;

/// <summary>Checks what data annotations cannot: that every key decodes and is long enough. Messages never echo a value.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    /// <summary>128 bits: shorter HMAC keys are guessable offline from one captured delivery.</summary>
    public const int MinimumKeyBytes = 16;

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        for (var index = 0; index < options.Secrets.Count; index++)
        {
            if (!IsStrongSecret(options.Secrets[index]))
            {
                failures.Add($"Webhooks:Secrets:{index} must be 'whsec_' followed by base64 of at least {MinimumKeyBytes} bytes.");
            }
        }

        if (!string.IsNullOrEmpty(options.RunPodTokenSecret) && DecodeKey(options.RunPodTokenSecret) is not { Length: >= MinimumKeyBytes })
        {
            failures.Add($"Webhooks:RunPodTokenSecret must be base64 of at least {MinimumKeyBytes} bytes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The RunPod token key as configured: base64 of random bytes, or null when it is not base64.</summary>
    public static byte[]? DecodeKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) ? buffer[..written] : null;
    }

    private static bool IsStrongSecret(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        try
        {
            return WebhookSecret.Parse(value).Key.Length >= MinimumKeyBytes;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
