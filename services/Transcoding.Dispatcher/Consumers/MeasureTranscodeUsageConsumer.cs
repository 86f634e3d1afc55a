using MassTransit;
using Microsoft.Extensions.Options;
using Transcoding.Contracts;
using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.RunPod;
using Transcoding.Shared.Jobs;

namespace Transcoding.Dispatcher.Consumers;

/// <summary>
/// Reads the final <c>delayTime</c> and <c>executionTime</c> (ms) of an ended attempt's job from RunPod's
/// <c>/status</c> (RunPod docs <c>serverless/endpoints/operation-reference.mdx</c>) and publishes
/// <see cref="TranscodeUsageMeasured"/>. The saga asks as soon as it has decided the attempt's end, which for a
/// completion is before the worker's job-done has ended the job on RunPod (the worker sends its signed callback first),
/// so a job still queued or running is asked again every <see cref="RunPodOptions.UsagePollInterval"/>, up to
/// <see cref="RunPodOptions.UsagePollAttempts"/> times; after that the message faults and the endpoint's retries, then
/// the <c>_error</c> queue, keep it.
/// </summary>
public sealed class MeasureTranscodeUsageConsumer(
    IDispatchLedger ledger,
    RunPodClient runPod,
    IOptions<RunPodOptions> options,
    TimeProvider time,
    ILogger<MeasureTranscodeUsageConsumer> logger) : IConsumer<MeasureTranscodeUsage>
{
    public async Task Consume(ConsumeContext<MeasureTranscodeUsage> context)
    {
        var (mediaId, attempt) = (context.Message.MediaId, context.Message.Attempt);
        var jobId = context.Message.JobId.Length > 0 ? context.Message.JobId : await ledger.FindJobIdAsync(mediaId, attempt, context.CancellationToken);
        if (jobId is null)
        {
            // Never submitted (cancelled before its dispatch, or refused by RunPod): no GPU ran for it.
            Log.NoJobToMeasure(logger, mediaId, attempt);
            await context.Publish(new TranscodeUsageMeasured { MediaId = mediaId, Attempt = attempt, ExecutionTimeMs = 0 });
            return;
        }

        var settings = options.Value;
        for (var poll = 1; ; poll++)
        {
            var job = await runPod.GetStatusAsync(jobId, context.CancellationToken);
            if (job is null || RunPodJobStates.IsFinal(job.Status))
            {
                Log.JobMeasured(logger, mediaId, attempt, jobId, job?.Status ?? "unknown to RunPod", job?.DelayTime, job?.ExecutionTime);
                await context.Publish(new TranscodeUsageMeasured
                {
                    MediaId = mediaId,
                    Attempt = attempt,
                    JobId = jobId,
                    JobStatus = job?.Status ?? "",
                    DelayTimeMs = job?.DelayTime,
                    ExecutionTimeMs = job?.ExecutionTime,
                });
                return;
            }

            if (poll >= settings.UsagePollAttempts)
            {
                throw new JobNotEndedException(mediaId, attempt, jobId, job.Status);
            }

            Log.JobNotEndedYet(logger, mediaId, attempt, jobId, job.Status);
            await Task.Delay(settings.UsagePollInterval, time, context.CancellationToken);
        }
    }
}
