using System.Text.Json;
using MassTransit;
using Transcoding.Contracts;
using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.RunPod;
using Transcoding.Shared;
using Transcoding.Shared.Jobs;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Dispatcher.Consumers;

/// <summary>
/// Asks RunPod how the job of an attempt ended, for when its callbacks never came. A job RunPod no longer knows may
/// still have finished (results expire 30 minutes after the end): the manifest in storage decides. When RunPod refuses
/// our configuration the job is neither lost nor failed: the saga is told the attempt waits (<see cref="TranscodeWaiting"/>)
/// and the poll ends there, since the saga asks again every poll interval while the attempt lasts (a redelivery as
/// well would only pile polls up). An attempt with no job recorded is not lost either: its dispatch has not reached
/// RunPod yet (queued behind others, a dispatcher restarting, or its message in the dispatcher's <c>_error</c> queue),
/// so, unless its manifest is already in storage, the saga is told the attempt waits for it, and its clock starts again
/// when the job is dispatched. (Issue 15's load run failed 27 good items as <c>job_lost</c> whose dispatch was still
/// queued at the deadline.)
/// </summary>
public sealed class PollTranscodeStatusConsumer(
    IDispatchLedger ledger,
    UnrecordedJobs unrecorded,
    RunPodClient runPod,
    IObjectStorage storage,
    TimeProvider time,
    ILogger<PollTranscodeStatusConsumer> logger) : IConsumer<PollTranscodeStatus>
{
    public const string JobLostErrorCode = "job_lost";

    public const string DispatchPendingReason =
        "The job of this attempt is not submitted yet: its dispatch waits in the dispatcher's queue, or in its _error queue (ops faults list).";

    public async Task Consume(ConsumeContext<PollTranscodeStatus> context)
    {
        var (mediaId, attempt) = (context.Message.MediaId, context.Message.Attempt);
        var jobId = await ledger.FindJobIdAsync(mediaId, attempt, context.CancellationToken) ?? unrecorded.Find(mediaId, attempt);
        RunPodJobStatus? job;
        try
        {
            job = jobId is null ? null : await runPod.GetStatusAsync(jobId, context.CancellationToken);
        }
        catch (RunPodConfigurationException e)
        {
            Log.PollWaiting(logger, mediaId, attempt, e.Message);
            await context.PublishWaitingAsync(mediaId, attempt, jobId, e, time);
            return;
        }

        if (job is null)
        {
            await PublishFromStorageAsync(context, jobId);
            return;
        }

        var report = RunPodJobReport.ToCallback(mediaId, attempt, job);
        if (report is null)
        {
            Log.JobStillRunning(logger, mediaId, attempt, job.Id, job.Status);
            return;
        }

        if (report is { Status: CallbackStatus.Completed, Outputs: null })
        {
            // Completed without an outputs record: the manifest is the record of what was written.
            await PublishFromStorageAsync(context, job.Id);
            return;
        }

        Log.JobEnded(logger, mediaId, attempt, job.Id, job.Status);
        await PublishAsync(context, report);
    }

    /// <param name="jobId">The attempt's job, which RunPod no longer knows; null when none was recorded.</param>
    private async Task PublishFromStorageAsync(ConsumeContext<PollTranscodeStatus> context, string? jobId)
    {
        var (mediaId, attempt) = (context.Message.MediaId, context.Message.Attempt);
        var outputs = await ReadManifestAsync(mediaId, context.CancellationToken);
        if (outputs is not null)
        {
            Log.RecoveredFromManifest(logger, mediaId, attempt);
            await PublishAsync(context, RunPodJobReport.Completion(mediaId, attempt, jobId ?? "", outputs));
            return;
        }

        if (jobId is null)
        {
            Log.DispatchPending(logger, mediaId, attempt);
            await context.PublishWaitingAsync(mediaId, attempt, null, DispatchPendingReason, time);
            return;
        }

        Log.JobLost(logger, mediaId, attempt);
        await context.Publish(new TranscodeFailed
        {
            MediaId = mediaId,
            Attempt = attempt,
            JobId = jobId,
            ErrorCode = JobLostErrorCode,
            ErrorMessage = $"RunPod no longer knows job {jobId} and no manifest is in storage.",
            Permanent = false,
        });
    }

    private async Task<TranscodeOutputs?> ReadManifestAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        try
        {
            await using var manifest = await storage.OpenReadAsync(MediaKeys.Manifest(mediaId), cancellationToken);
            return await JsonSerializer.DeserializeAsync<TranscodeOutputs>(manifest, JsonDefaults.Web, cancellationToken);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The report as the gateway would publish it: the same message whichever way RunPod told us.</summary>
    private static Task PublishAsync(ConsumeContext context, TranscodeCallback report)
    {
        var message = CallbackMessages.ToMessage(report);
        return context.Publish(message, message.GetType(), context.CancellationToken);
    }
}
