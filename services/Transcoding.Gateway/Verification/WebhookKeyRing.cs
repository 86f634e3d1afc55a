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

    /// <summary>Null when a reload left the configuration unusable: every RunPod delivery is then refused.</summary>
    public RunPodWebhookToken? RunPodToken => Current().RunPodToken;

    private Keys Current()
    {
        var value = options.CurrentValue;
        var current = _current;
        if (current is not null && ReferenceEquals(current.Source, value))
        {
            return current;
        }

        current = Build(value);
        _current = current;
        return current;
    }

    private Keys Build(WebhookOptions value)
    {
        if (value.Secrets.Count == 0 || string.IsNullOrEmpty(value.RunPodTokenSecret) || WebhookOptionsValidator.Problems(value).Count > 0)
        {
            // Start-up refused such a configuration, so a reload broke it: fail closed rather than keep secrets someone
            // may have meant to remove.
            Log.WebhookConfigurationInvalid(logger);
            return new Keys(value, new WebhookVerifier([], time, WebhookVerifier.DefaultTolerance), null);
        }

        var tokenKey = WebhookOptionsValidator.DecodeKey(value.RunPodTokenSecret);
        return new Keys(
            value,
            new WebhookVerifier(value.Secrets.Select(WebhookSecret.Parse).ToList(), time, WebhookVerifier.DefaultTolerance),
            new RunPodWebhookToken(tokenKey!));
    }

    private sealed record Keys(WebhookOptions Source, WebhookVerifier Verifier, RunPodWebhookToken? RunPodToken);
}
