using FluentValidation;
using Microsoft.Extensions.Options;
using Transcoding.Gateway.Deduplication;
using Transcoding.Gateway.Delivery;
using Transcoding.Gateway.Options;
using Transcoding.Gateway.Verification;
using Transcoding.Shared.Jobs;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Endpoints;

/// <summary>
/// <c>POST /webhooks/runpod/{mediaId}/{attempt}/{token}</c>: RunPod's unsigned job webhook, authenticated by the token
/// only the dispatcher could have made. It is the fallback for a worker whose own report never arrived.
/// </summary>
public sealed class RunPodWebhookEndpoint(
    WebhookKeyRing keyRing,
    IValidator<TranscodeCallback> validator,
    IWebhookDeduplicator deduplicator,
    DeliveryPublisher publisher,
    IOptions<WebhookOptions> options,
    ILogger<RunPodWebhookEndpoint> logger)
{
    public async Task<IResult> HandleAsync(Guid mediaId, int attempt, string token, HttpContext context)
    {
        if (keyRing.RunPodToken?.IsValid(mediaId, attempt, token) is not true)
        {
            Log.RunPodTokenRejected(logger, mediaId, attempt);
            return TypedResults.Unauthorized();
        }

        var body = await RequestBody.ReadAsync(context.Request, options.Value.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            Log.BodyTooLarge(logger, options.Value.MaxBodyBytes);
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (RequestBody.TryParse<RunPodJobStatus>(body) is not { } job)
        {
            Log.MalformedBody(logger, $"runpod:{mediaId:D}:{attempt}");
            return TypedResults.BadRequest();
        }

        if (!RunPodJobStates.IsKnown(job.Status))
        {
            return WebhookResults.Unprocessable(new Dictionary<string, string[]> { ["status"] = ["'status' is not a RunPod job status."] });
        }

        Log.RunPodReported(logger, Log.Printable(job.Id), job.Status!, mediaId, attempt, job.DelayTime, job.ExecutionTime);
        if (RunPodJobReport.ToCallback(mediaId, attempt, job) is not { } callback)
        {
            return TypedResults.NoContent();
        }

        var outcomeKey = DeliveryKeys.Outcome(mediaId, attempt);
        if (await deduplicator.IsProcessedAsync(outcomeKey, context.RequestAborted))
        {
            Log.OutcomeAlreadyReported(logger, mediaId, attempt, job.Status!);
            return TypedResults.NoContent();
        }

        var validation = await validator.ValidateAsync(callback, context.RequestAborted);
        if (!validation.IsValid)
        {
            Log.InvalidReport(logger, outcomeKey, mediaId, validation.ToString("; "));
            return WebhookResults.Unprocessable(validation.ToDictionary());
        }

        return await publisher.PublishOnceAsync(outcomeKey, callback, context.RequestAborted);
    }
}
