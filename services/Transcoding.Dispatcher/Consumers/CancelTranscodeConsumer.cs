using MassTransit;
using Transcoding.Contracts;
using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.RunPod;

namespace Transcoding.Dispatcher.Consumers;

/// <summary>Cancels the RunPod job of an attempt; cancelling twice, or a job that has ended, changes nothing.</summary>
public sealed class CancelTranscodeConsumer(IDispatchLedger ledger, RunPodClient runPod, ILogger<CancelTranscodeConsumer> logger)
    : IConsumer<CancelTranscode>
{
    public async Task Consume(ConsumeContext<CancelTranscode> context)
    {
        var (mediaId, attempt) = (context.Message.MediaId, context.Message.Attempt);
        var jobId = await ledger.FindJobIdAsync(mediaId, attempt, context.CancellationToken);
        var job = jobId is null ? null : await runPod.CancelAsync(jobId, context.CancellationToken);
        if (job is null)
        {
            Log.NothingToCancel(logger, mediaId, attempt);
            return;
        }

        Log.JobCancelled(logger, mediaId, attempt, job.Id, job.Status);
    }
}
