using MassTransit;
using Transcoding.Contracts;
using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.RunPod;

namespace Transcoding.Dispatcher.Consumers;

/// <summary>
/// Cancels the RunPod job of an attempt; cancelling twice, or a job that has ended, changes nothing. The attempt is
/// marked cancelled in the ledger first, so a job not submitted yet never is (or is cancelled right after its
/// submission). On RunPod the cancel reaches the worker through its stop channel (runpod-python
/// <c>rp_scale.py</c> <c>monitor_stop_signals</c>); <c>/cancel</c> answers <c>{"id", "status": "CANCELLED"}</c>
/// (RunPod docs <c>serverless/endpoints/operation-reference.mdx</c>, <c>/cancel</c>).
/// </summary>
public sealed class CancelTranscodeConsumer(IDispatchLedger ledger, RunPodClient runPod, ILogger<CancelTranscodeConsumer> logger)
    : IConsumer<CancelTranscode>
{
    public async Task Consume(ConsumeContext<CancelTranscode> context)
    {
        var (mediaId, attempt) = (context.Message.MediaId, context.Message.Attempt);
        var jobId = await ledger.CancelAsync(mediaId, attempt, context.CancellationToken);
        var job = jobId is null ? null : await runPod.CancelAsync(jobId, context.CancellationToken);
        if (job is null)
        {
            Log.NothingToCancel(logger, mediaId, attempt);
            return;
        }

        Log.JobCancelled(logger, mediaId, attempt, job.Id, job.Status);
    }
}
