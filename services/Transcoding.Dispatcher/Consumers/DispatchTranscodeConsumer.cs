using MassTransit;
using Microsoft.Extensions.Options;
using Transcoding.Contracts;
using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.RunPod;
using Transcoding.Messaging.Postgres;
using Transcoding.Shared.Jobs;

namespace Transcoding.Dispatcher.Consumers;

/// <summary>
/// Submits the RunPod job of an attempt, once. A rejection of the request (400) fails the attempt permanently. Neither
/// a RunPod outage nor a configuration fault (bad key, unknown endpoint: <see cref="RunPodConfigurationException"/>) is
/// the item's fault, so neither spends one of its GPU attempts: the message faults and <see cref="RunPodConsumerDefinition{TConsumer}"/>
/// keeps it (retries then <c>_error</c> for an outage; redelivery until fixed for a configuration fault, reported to the
/// saga as <see cref="TranscodeWaiting"/>).
/// An attempt cancelled before its job was submitted is never submitted; one cancelled while <c>/run</c> was in flight
/// has its job cancelled as soon as the job id is known (see <see cref="IDispatchLedger"/>).
/// Once RunPod has answered with a job id, recording it rides out a database outage in process
/// (<see cref="DatabaseOutageRetry.ExecuteAsync{T}"/>): a message retry would find the claim busy until its lease
/// expires and then submit a second job. Past that, the id is kept in <see cref="UnrecordedJobs"/> and recorded by the
/// next delivery.
/// </summary>
public sealed class DispatchTranscodeConsumer(
    IDispatchLedger ledger,
    UnrecordedJobs unrecorded,
    RunPodClient runPod,
    RunPodRunRequestFactory requests,
    IOptions<RunPodOptions> options,
    TimeProvider time,
    ILogger<DispatchTranscodeConsumer> logger) : IConsumer<DispatchTranscode>
{
    public const string RejectedErrorCode = "dispatch_rejected";

    public async Task Consume(ConsumeContext<DispatchTranscode> context)
    {
        var command = context.Message;
        if (unrecorded.Find(command.MediaId, command.Attempt) is { } kept)
        {
            // An earlier delivery here submitted this job but could not record it: record it, never submit again.
            await RecordAndPublishAsync(context, kept);
            return;
        }

        var claim = await ledger.ClaimAsync(command.MediaId, command.Attempt, options.Value.DispatchClaimLease, context.CancellationToken);
        switch (claim.Status)
        {
            case DispatchClaimStatus.Submitted when claim.Cancelled:
                // A delivery that recorded the job and then failed to cancel it: cancel again.
                await CancelSubmittedAsync(command, claim.JobId!, context.CancellationToken);
                return;
            case DispatchClaimStatus.Submitted:
                Log.AlreadyDispatched(logger, command.MediaId, command.Attempt, claim.JobId!);
                await PublishDispatchedAsync(context, claim.JobId!);
                return;
            case DispatchClaimStatus.Busy:
                // Another delivery is submitting: retrying later finds its job id.
                throw new DispatchInProgressException(command.MediaId, command.Attempt);
            case DispatchClaimStatus.Cancelled:
                Log.CancelledBeforeSubmission(logger, command.MediaId, command.Attempt);
                return;
        }

        RunPodJobStatus job;
        try
        {
            job = await runPod.RunAsync(requests.Create(command), context.CancellationToken);
        }
        catch (RunPodRejectedException e)
        {
            await ledger.ReleaseAsync(command.MediaId, command.Attempt, CancellationToken.None);
            Log.DispatchRejected(logger, command.MediaId, command.Attempt, e.Message);
            await context.Publish(new TranscodeFailed
            {
                MediaId = command.MediaId,
                Attempt = command.Attempt,
                ErrorCode = RejectedErrorCode,
                ErrorMessage = e.Message,
                Permanent = true,
            });
            return;
        }
        catch (RunPodConfigurationException e)
        {
            await ledger.ReleaseAsync(command.MediaId, command.Attempt, CancellationToken.None);
            Log.DispatchWaiting(logger, command.MediaId, command.Attempt, e.Message);
            await context.PublishWaitingAsync(command.MediaId, command.Attempt, null, e, time);
            throw;
        }
        catch
        {
            await ledger.ReleaseAsync(command.MediaId, command.Attempt, CancellationToken.None);
            throw;
        }

        Log.JobSubmitted(logger, command.MediaId, command.Attempt, job.Id);
        await RecordAndPublishAsync(context, job.Id);
    }

    /// <summary>Records the submitted job, through a database outage, then announces it (or cancels it when the attempt
    /// was cancelled meanwhile). Not cancellable: the job exists, and losing its id is what submits a second one.</summary>
    private async Task RecordAndPublishAsync(ConsumeContext<DispatchTranscode> context, string jobId)
    {
        var command = context.Message;
        bool cancelled;
        try
        {
            cancelled = await DatabaseOutageRetry.ExecuteAsync(
                token => ledger.RecordJobAsync(command.MediaId, command.Attempt, jobId, token),
                time,
                (exception, wait) => Log.RecordingJobRetried(logger, command.MediaId, command.Attempt, jobId, wait, exception),
                CancellationToken.None);
        }
        catch (Exception e) when (DatabaseErrors.IsTransient(e))
        {
            unrecorded.Keep(command.MediaId, command.Attempt, jobId);
            Log.JobUnrecorded(logger, command.MediaId, command.Attempt, jobId);
            throw;
        }

        unrecorded.Forget(command.MediaId, command.Attempt);
        if (cancelled)
        {
            await CancelSubmittedAsync(command, jobId, context.CancellationToken);
            return;
        }

        await PublishDispatchedAsync(context, jobId);
    }

    /// <summary>The attempt was cancelled while its job was being submitted; nobody else knows the job id yet.</summary>
    private async Task CancelSubmittedAsync(DispatchTranscode command, string jobId, CancellationToken cancellationToken)
    {
        Log.CancelledWhileSubmitting(logger, command.MediaId, command.Attempt, jobId);
        var job = await runPod.CancelAsync(jobId, cancellationToken);
        Log.JobCancelled(logger, command.MediaId, command.Attempt, jobId, job?.Status ?? "unknown to RunPod");
    }

    private static Task PublishDispatchedAsync(ConsumeContext<DispatchTranscode> context, string jobId) =>
        context.Publish(new TranscodeDispatched { MediaId = context.Message.MediaId, Attempt = context.Message.Attempt, JobId = jobId });
}
