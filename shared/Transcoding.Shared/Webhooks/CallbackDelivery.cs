using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Transcoding.Shared.Webhooks;

/// <summary>
/// How a signed callback to the gateway is delivered (the worker's, and the local RunPod endpoint's instant completion
/// that stands in for it): retried on a transient answer (5xx, 408, 429, a network error or a try's timeout) with
/// exponential back-off and jitter from 1 s up to 15 s between tries, each try bounded by 10 s, for at most the budget in
/// all; no circuit breaker (one destination, and every callback matters). A completion lost to a gateway outage would
/// otherwise wait for the attempt deadline (20 minutes by default) and a poll of RunPod.
/// </summary>
public static class CallbackDelivery
{
    /// <summary>Long enough to ride out a gateway restart or a deploy.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The longest budget allowed: the signature's timestamp is set once, at the first try, and the gateway refuses a
    /// timestamp older than 5 minutes (Standard Webhooks' tolerance, <see cref="WebhookVerifier.DefaultTolerance"/>);
    /// one minute is left for clock skew.
    /// </summary>
    public static readonly TimeSpan MaxBudget = WebhookVerifier.DefaultTolerance - TimeSpan.FromMinutes(1);

    private static readonly TimeSpan TryTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Adds the delivery policy to a client; the client's own timeout is lifted so the budget rules.</summary>
    /// <param name="budget">Reads the budget from the client's services (e.g. options); between 1 s and <see cref="MaxBudget"/>.</param>
    public static IHttpClientBuilder AddCallbackDelivery(this IHttpClientBuilder builder, Func<IServiceProvider, TimeSpan> budget)
    {
        builder.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler("callback-delivery", (pipeline, context) => pipeline
            .AddTimeout(budget(context.ServiceProvider))
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(15),
            })
            .AddTimeout(TryTimeout));
        return builder;
    }
}
