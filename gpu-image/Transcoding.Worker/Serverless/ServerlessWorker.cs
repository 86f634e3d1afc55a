using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transcoding.Worker.Jobs;

namespace Transcoding.Worker.Serverless;

/// <summary>
/// The RunPod serverless loop: take a job, run it, post the result, repeat; one job at a time. "No job" asks again at
/// once (RunPod holds job-take open while it has none: rp_scale.py:199-201,228), unless <c>Worker:PollInterval</c>
/// says otherwise. A job whose input does not parse is answered at once with a permanent <c>invalid_input</c>. A job
/// RunPod stops (<see cref="RunPodStopChannel"/>) is cleaned up and reported to no one, then the next is taken. On
/// SIGTERM the running job is cancelled (ffmpeg killed, uploads removed), reported as a transient failure, and the
/// loop ends (the SDK would let it finish; RunPod kills the worker after a grace period anyway).
/// </summary>
public sealed class ServerlessWorker(
    RunPodClient runPod,
    JobExecutor executor,
    ActiveJobs activeJobs,
    TimeProvider time,
    IOptions<WorkerOptions> options,
    ILogger<ServerlessWorker> logger) : BackgroundService
{
    private static readonly TimeSpan ThrottledDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ErrorDelay = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan DoneTimeout = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.ServerlessStarted(logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await runPod.TakeAsync(stoppingToken) is { } job)
                {
                    await RunAsync(job, stoppingToken);
                }
                else
                {
                    await Task.Delay(options.Value.PollInterval, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (RunPodThrottledException)
            {
                await Delay(ThrottledDelay, stoppingToken);
            }
            catch (Exception e)
            {
                Log.ServerlessLoopError(logger, e);
                await Delay(ErrorDelay, stoppingToken);
            }
        }

        Log.ServerlessStopped(logger);
    }

    private async Task RunAsync(TakenJob job, CancellationToken stoppingToken)
    {
        var stopToken = activeJobs.Begin(job.Id);
        try
        {
            JobResult result;
            if (job.TryReadInput(out var input, out var problem))
            {
                result = await executor.ExecuteAsync(job.Id, input, (percent, ct) => runPod.ReportProgressAsync(job.Id, percent, ct), stoppingToken, stopToken);
            }
            else
            {
                Log.JobRejected(logger, job.Id, problem!);
                result = JobResult.Failure(JobErrorCodes.InvalidInput, problem!, permanent: true);
            }

            if (result.Stopped)
            {
                // RunPod ended the job itself and expects nothing more for it (rp_scale.py:354-368).
                return;
            }

            using var doneTimeout = new CancellationTokenSource(DoneTimeout);
            await runPod.ReportDoneAsync(job.Id, result, doneTimeout.Token);
        }
        finally
        {
            activeJobs.End(job.Id);
        }
    }

    private async Task Delay(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the loop condition ends it.
        }
    }
}
