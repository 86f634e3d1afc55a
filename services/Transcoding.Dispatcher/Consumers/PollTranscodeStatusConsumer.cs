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
/// well would only pile polls up).
/// </summary>
public sealed class PollTranscodeStatusConsumer(
    IDispatchLedger ledger,
    RunPodClient runPod,
    IObjectStorage storage,
    TimeProvider time,
    ILogger<PollTranscodeStatusConsumer> logger) : IConsumer<PollTranscodeStatus>
{
    public const string JobLostErrorCode = "job_lost";

    public async Task Consume(ConsumeContext<PollTranscodeStatus> context)
    {
        var (mediaId, attempt) = (context.Message.MediaId, context.Message.Attempt);
        var jobId = await ledger.FindJobIdAsync(mediaId, attempt, context.CancellationToken);
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
            await PublishFromStorageAsync(context, jobId ?? "");
            return;
        }

        if (job.Status == RunPodJobStates.Completed && job.Output is { ValueKind: JsonValueKind.Object } output)
        {
            Log.JobEnded(logger, mediaId, attempt, job.Id, job.Status);
            await PublishCompletedAsync(context, job.Id, output.Deserialize<TranscodeOutputs>(JsonDefaults.Web)!);
            return;
        }

        if (RunPodFailureCodes.For(job.Status) is { } code)
        {
            Log.JobEnded(logger, mediaId, attempt, job.Id, job.Status);

            // A job the worker failed carries the worker's verdict: a corrupt source stays permanent without its callback.
            var worker = job.Status == RunPodJobStates.Failed ? WorkerJobError.Parse(job.ErrorText) : null;
            await context.Publish(new TranscodeFailed
            {
                MediaId = mediaId,
                Attempt = attempt,
                JobId = job.Id,
                ErrorCode = worker?.Code ?? code,
                ErrorMessage = worker?.Message ?? $"RunPod job ended {job.Status}: {job.ErrorText ?? "no error reported"}",
                Permanent = worker?.Permanent ?? false,
            });
            return;
        }

        if (job.Status == RunPodJobStates.Completed)
        {
            // Completed without an output object: the manifest is the record of what was written.
            await PublishFromStorageAsync(context, job.Id);
            return;
        }

        Log.JobStillRunning(logger, mediaId, attempt, job.Id, job.Status);
    }

    private async Task PublishFromStorageAsync(ConsumeContext<PollTranscodeStatus> context, string jobId)
    {
        var (mediaId, attempt) = (context.Message.MediaId, context.Message.Attempt);
        var outputs = await ReadManifestAsync(mediaId, context.CancellationToken);
        if (outputs is not null)
        {
            Log.RecoveredFromManifest(logger, mediaId, attempt);
            await PublishCompletedAsync(context, jobId, outputs);
            return;
        }

        Log.JobLost(logger, mediaId, attempt);
        await context.Publish(new TranscodeFailed
        {
            MediaId = mediaId,
            Attempt = attempt,
            JobId = jobId,
            ErrorCode = JobLostErrorCode,
            ErrorMessage = jobId.Length == 0
                ? "No RunPod job is recorded for this attempt and no manifest is in storage."
                : $"RunPod no longer knows job {jobId} and no manifest is in storage.",
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

    private static Task PublishCompletedAsync(ConsumeContext<PollTranscodeStatus> context, string jobId, TranscodeOutputs outputs) =>
        context.Publish(new TranscodeCompleted
        {
            MediaId = context.Message.MediaId,
            Attempt = context.Message.Attempt,
            JobId = jobId,
            Outputs = outputs,
        });
}
