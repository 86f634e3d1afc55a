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
        context.Publish(new TranscodeWaiting
        {
            MediaId = mediaId,
            Attempt = attempt,
            JobId = jobId ?? "",
            Reason = fault.Message,
            Since = time.GetUtcNow(),
        });
}
