using Microsoft.Extensions.Options;
using Transcoding.Gateway.Options;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Verification;

/// <summary>
/// The keys in force right now. Rebuilt whenever the options monitor hands out a new instance (configuration
/// reload), so a secret removed from configuration is refused from the next delivery on.
/// </summary>
public sealed class WebhookKeyRing(IOptionsMonitor<WebhookOptions> options, TimeProvider time, ILogger<WebhookKeyRing> logger)
{
    private Keys? _current;

    public WebhookVerifier Verifier => Current().Verifier;

    /// <summary>Null when the configuration in force is invalid: every RunPod delivery is then refused.</summary>
    public RunPodWebhookToken? RunPodToken => Current().RunPodToken;

    private Keys Current()
    {
        WebhookOptions value;
        try
        {
            value = options.CurrentValue;
        }
        catch (OptionsValidationException)
        {
            // A reload broke the configuration: fail closed rather than keep secrets someone meant to remove.
            Log.WebhookConfigurationInvalid(logger);
            return new Keys(null, new WebhookVerifier([], time, WebhookVerifier.DefaultTolerance), null);
        }

        var current = _current;
        if (current is not null && ReferenceEquals(current.Source, value))
        {
            return current;
        }

        var secrets = value.Secrets.Select(WebhookSecret.Parse).ToList();
        var tokenKey = WebhookOptionsValidator.DecodeKey(value.RunPodTokenSecret);
        current = new Keys(
            value,
            new WebhookVerifier(secrets, time, WebhookVerifier.DefaultTolerance),
            tokenKey is null ? null : new RunPodWebhookToken(tokenKey));
        _current = current;
        return current;
    }

    private sealed record Keys(WebhookOptions? Source, WebhookVerifier Verifier, RunPodWebhookToken? RunPodToken);
}
