using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway;

/// <summary>
/// Everything the gateway logs. By design no message takes a secret, a signature, a token or a request path (the
/// RunPod route carries its token in the path): a refused delivery is logged by reason and webhook id only.
/// </summary>
internal static partial class Log
{
    private const int MaxLoggedIdLength = 100;

    [LoggerMessage(1, LogLevel.Warning, "Webhook refused: {Reason}, webhook-id {WebhookId}")]
    public static partial void VerificationFailed(ILogger logger, WebhookVerificationResult reason, string webhookId);

    [LoggerMessage(2, LogLevel.Warning, "RunPod webhook refused: bad token for media {MediaId} attempt {Attempt}")]
    public static partial void RunPodTokenRejected(ILogger logger, Guid mediaId, int attempt);

    [LoggerMessage(3, LogLevel.Warning, "Webhook refused: body over the {Limit} byte limit")]
    public static partial void BodyTooLarge(ILogger logger, long limit);

    [LoggerMessage(4, LogLevel.Warning, "Webhook refused: body of {Delivery} is not JSON of the expected shape")]
    public static partial void MalformedBody(ILogger logger, string delivery);

    [LoggerMessage(5, LogLevel.Warning, "Webhook refused: report {Delivery} for media {MediaId} is invalid: {Errors}")]
    public static partial void InvalidReport(ILogger logger, string delivery, Guid mediaId, string errors);

    [LoggerMessage(6, LogLevel.Information, "Published {MessageType} for media {MediaId} attempt {Attempt}")]
    public static partial void Published(ILogger logger, string messageType, Guid mediaId, int attempt);

    [LoggerMessage(7, LogLevel.Information, "Delivery {DedupKey} was already published; answered without publishing")]
    public static partial void DuplicateDelivery(ILogger logger, string dedupKey);

    [LoggerMessage(8, LogLevel.Information, "Delivery {DedupKey} is being published by another request; asked the sender to retry")]
    public static partial void DeliveryInFlight(ILogger logger, string dedupKey);

    [LoggerMessage(9, LogLevel.Information, "RunPod reported {Status} for media {MediaId} attempt {Attempt} after the worker's own report; nothing new published")]
    public static partial void OutcomeAlreadyReported(ILogger logger, Guid mediaId, int attempt, string status);

    [LoggerMessage(10, LogLevel.Error, "Publishing {MessageType} for media {MediaId} attempt {Attempt} failed ({ExceptionType}); answered 503 so the sender retries")]
    public static partial void PublishFailed(ILogger logger, string messageType, Guid mediaId, int attempt, string exceptionType);

    [LoggerMessage(11, LogLevel.Error, "The reloaded Webhooks configuration is invalid; every delivery is refused until it is fixed")]
    public static partial void WebhookConfigurationInvalid(ILogger logger);

    [LoggerMessage(15, LogLevel.Information, "RunPod reported job {JobId} {Status} for media {MediaId} attempt {Attempt} (queued {DelayTime} ms, ran {ExecutionTime} ms)")]
    public static partial void RunPodReported(ILogger logger, string jobId, string status, Guid mediaId, int attempt, long? delayTime, long? executionTime);

    /// <summary>A sender-chosen value made safe for a log line: bounded, control characters replaced.</summary>
    public static string Printable(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "(none)";
        }

        var bounded = value.Length <= MaxLoggedIdLength ? value : value[..MaxLoggedIdLength];
        return string.Create(bounded.Length, bounded, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
    }
}
