namespace Transcoding.Shared.Webhooks;

/// <summary>Why a delivery was refused; callers log it but never tell the sender which part failed.</summary>
public enum WebhookVerificationResult
{
    Valid,
    MissingHeaders,
    MalformedTimestamp,
    TimestampOutOfWindow,
    NoMatchingSignature,
}
