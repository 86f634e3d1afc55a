using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transcoding.Worker.Jobs;

namespace Transcoding.Worker.Serverless;

/// <summary>
/// The RunPod serverless loop: take a job, run it, post the result, repeat. One job at a time. On SIGTERM the
/// running job is cancelled (ffmpeg killed, uploads removed), reported as a transient failure, and the loop ends.
/// </summary>
public sealed class ServerlessWorker(
    RunPodClient runPod,
    JobExecutor executor,
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
                var job = await runPod.TakeAsync(stoppingToken);
                if (job is null)
                {
                    await Task.Delay(options.Value.PollInterval, time, stoppingToken);
                    continue;
                }

                var result = await executor.ExecuteAsync(job.Id, job.Input, (percent, ct) => runPod.ReportProgressAsync(job.Id, percent, ct), stoppingToken);
                using var doneTimeout = new CancellationTokenSource(DoneTimeout);
                await runPod.ReportDoneAsync(job.Id, result, doneTimeout.Token);
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
