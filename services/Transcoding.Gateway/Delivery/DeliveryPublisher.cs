using MassTransit;
using Microsoft.Extensions.Options;
using Transcoding.Gateway.Deduplication;
using Transcoding.Gateway.Options;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Delivery;

/// <summary>Publishes a validated report at most once per dedup key, answering success only after the broker confirmed.</summary>
public sealed class DeliveryPublisher(
    IPublishEndpoint publishEndpoint,
    IWebhookDeduplicator deduplicator,
    IOptions<WebhookOptions> options,
    ILogger<DeliveryPublisher> logger)
{
    /// <summary>Margin over the publish timeout before a claim left by a crashed request lapses.</summary>
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);

    public async Task<IResult> PublishOnceAsync(string dedupKey, TranscodeCallback callback, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        switch (await deduplicator.TryClaimAsync(dedupKey, settings.PublishTimeout + LeaseMargin, cancellationToken))
        {
            case DedupClaim.AlreadyProcessed:
                Log.DuplicateDelivery(logger, dedupKey);
                return TypedResults.NoContent();
            case DedupClaim.InFlight:
                Log.DeliveryInFlight(logger, dedupKey);
                return TypedResults.Conflict();
        }

        var message = CallbackMessages.ToMessage(callback);
        var published = false;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.PublishTimeout);

            // With RabbitMQ publisher confirms on, this completes only once the broker has taken the message.
            await publishEndpoint.Publish(message, message.GetType(), timeout.Token);
            published = true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the type: transport exceptions can carry broker addresses, and the log must stay free of credentials.
            Log.PublishFailed(logger, message.GetType().Name, callback.MediaId, callback.Attempt, exception.GetType().Name);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        finally
        {
            if (!published)
            {
                await deduplicator.ReleaseAsync(dedupKey, CancellationToken.None);
            }
        }

        await deduplicator.MarkProcessedAsync(dedupKey, settings.DedupTtl, CancellationToken.None);
        var outcomeKey = DeliveryKeys.Outcome(callback.MediaId, callback.Attempt);
        if (CallbackMessages.EndsAttempt(callback) && outcomeKey != dedupKey)
        {
            // Lets a later RunPod job webhook for this attempt see that the worker's report already went out.
            await deduplicator.MarkProcessedAsync(outcomeKey, settings.DedupTtl, CancellationToken.None);
        }

        Log.Published(logger, message.GetType().Name, callback.MediaId, callback.Attempt);
        return TypedResults.NoContent();
    }
}
