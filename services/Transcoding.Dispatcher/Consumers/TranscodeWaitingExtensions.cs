using MassTransit;
using Transcoding.Contracts;
using Transcoding.Dispatcher.RunPod;

namespace Transcoding.Dispatcher.Consumers;

internal static class TranscodeWaitingExtensions
{
    /// <summary>
    /// Tells the saga that the attempt waits for the configuration fault to be fixed (<see cref="TranscodeWaiting"/>).
    /// The dispatcher's endpoints have no outbox, so this leaves even when the consumer throws afterwards.
    /// </summary>
    public static Task PublishWaitingAsync(this ConsumeContext context, Guid mediaId, int attempt, string? jobId, RunPodConfigurationException fault, TimeProvider time) =>
        context.PublishWaitingAsync(mediaId, attempt, jobId, fault.Message, time);

    /// <summary>Tells the saga that the attempt waits, and why (<see cref="TranscodeWaiting.Reason"/>: never a secret).</summary>
    public static Task PublishWaitingAsync(this ConsumeContext context, Guid mediaId, int attempt, string? jobId, string reason, TimeProvider time) =>
        context.Publish(new TranscodeWaiting
        {
            MediaId = mediaId,
            Attempt = attempt,
            JobId = jobId ?? "",
            Reason = reason,
            Since = time.GetUtcNow(),
        });
}
