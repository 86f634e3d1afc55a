using FluentValidation;
using Microsoft.Extensions.Options;
using Transcoding.Gateway.Delivery;
using Transcoding.Gateway.Options;
using Transcoding.Gateway.Verification;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Endpoints;

/// <summary><c>POST /webhooks/transcode</c>: the worker's signed reports.</summary>
public sealed class TranscodeWebhookEndpoint(
    WebhookKeyRing keyRing,
    IValidator<TranscodeCallback> validator,
    DeliveryPublisher publisher,
    IOptions<WebhookOptions> options,
    ILogger<TranscodeWebhookEndpoint> logger)
{
    /// <summary>Bounds the dedup key a signed sender can make us store.</summary>
    public const int MaxWebhookIdLength = 256;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await RequestBody.ReadAsync(request, options.Value.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            Log.BodyTooLarge(logger, options.Value.MaxBodyBytes);
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        // The signature covers the exact bytes received: nothing is parsed before it is checked.
        string? webhookId = request.Headers[WebhookHeaders.Id];
        var verification = keyRing.Verifier.Verify(webhookId, request.Headers[WebhookHeaders.Timestamp], request.Headers[WebhookHeaders.Signature], body);
        if (verification != WebhookVerificationResult.Valid)
        {
            Log.VerificationFailed(logger, verification, Log.Printable(webhookId));
            return TypedResults.Unauthorized();
        }

        if (webhookId!.Length > MaxWebhookIdLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [WebhookHeaders.Id] = [$"'{WebhookHeaders.Id}' must be at most {MaxWebhookIdLength} characters."],
            });
        }

        if (RequestBody.TryParse<TranscodeCallback>(body) is not { } callback)
        {
            Log.MalformedBody(logger, Log.Printable(webhookId));
            return TypedResults.BadRequest();
        }

        var validation = await validator.ValidateAsync(callback, context.RequestAborted);
        if (!validation.IsValid)
        {
            Log.InvalidReport(logger, Log.Printable(webhookId), callback.MediaId, validation.ToString("; "));
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        return await publisher.PublishOnceAsync(DeliveryKeys.Webhook(webhookId), callback, context.RequestAborted);
    }
}
