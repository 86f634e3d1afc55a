using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transcoding.Shared.Jobs;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;
using Transcoding.Worker.Callbacks;
using Transcoding.Worker.Publishing;

namespace Transcoding.Worker.Jobs;

/// <summary>
/// Runs one job end to end around <see cref="TranscodePipeline"/>: its work folder, progress, the signed
/// callbacks, and on failure the removal of whatever it had uploaded. Never throws for a job failure.
/// </summary>
public sealed class JobExecutor(
    TranscodePipeline pipeline,
    OutputPublisher publisher,
    CallbackClient callbacks,
    TimeProvider time,
    IOptions<WorkerOptions> options,
    ILogger<JobExecutor> logger)
{
    /// <summary>Final reports and clean-up get their own time even when the job was cancelled by shutdown.</summary>
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(60);

    /// <param name="reportProgress">Extra progress sink (RunPod's IN_PROGRESS updates), called with the same throttled values.</param>
    /// <param name="cancellationToken">Host shutdown: the job ends as a transient <c>worker_shutdown</c> failure, reported.</param>
    /// <param name="stopToken">RunPod stopped this job (<see cref="Serverless.RunPodStopChannel"/>): ffmpeg is killed,
    /// uploads and the work folder removed, and nothing is reported: <see cref="JobResult.StoppedByRunPod"/>. It counts
    /// until the work has ended (outputs uploaded, or the failure known); a later stop changes nothing.</param>
    public async Task<JobResult> ExecuteAsync(
        string jobId,
        WorkerJobInput? input,
        Func<double, CancellationToken, Task>? reportProgress,
        CancellationToken cancellationToken,
        CancellationToken stopToken = default)
    {
        if (Validate(input) is { } invalid)
        {
            Log.JobRejected(logger, jobId, invalid);
            return JobResult.Failure(JobErrorCodes.InvalidInput, invalid, permanent: true);
        }

        using var trace = JobTrace.Start(jobId, input!.TraceParent);
        Log.JobStarted(logger, jobId, input.MediaId, input.Attempt);
        var started = time.GetTimestamp();
        var workDirectory = Path.Combine(options.Value.WorkDir, $"job-{Guid.NewGuid():N}");
        var ledger = new UploadLedger();
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopToken);
        var progress = new ProgressReporter(new ProgressThrottle(time, options.Value.ProgressInterval), percent => SendProgressAsync(jobId, input, percent, reportProgress, running.Token));
        JobResult result;
        try
        {
            Directory.CreateDirectory(workDirectory);
            var outputs = await pipeline.RunAsync(input, workDirectory, ledger, progress.Report, running.Token);
            result = JobResult.Success(outputs);
        }
        catch (JobFailedException e)
        {
            Log.JobFailed(logger, jobId, e.Code, e.Permanent, e);
            result = JobResult.Failure(e.Code, e.Message, e.Permanent);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            result = JobResult.Failure(JobErrorCodes.WorkerShutdown, "The worker shut down before the job finished.", permanent: false);
        }
        catch (Exception e)
        {
            Log.JobCrashed(logger, jobId, e);
            result = JobResult.Failure(JobErrorCodes.InternalError, $"Unexpected worker error ({e.GetType().Name}): {e.Message}", permanent: false);
        }
        finally
        {
            await progress.CompleteAsync();
            DeleteWorkDirectory(workDirectory);
        }

        // The last point a stop counts, whatever the work's outcome: RunPod has ended the job and expects no result,
        // so its outputs must not stay. Clean-up finishes before the worker takes its next job; RemoveAsync may clear
        // the whole hls/ prefix, which a retry of the same item starting within these seconds would share.
        var stopped = stopToken.IsCancellationRequested;
        using var reportTimeout = new CancellationTokenSource(ReportTimeout);
        if (!result.Succeeded || stopped)
        {
            await publisher.RemoveAsync(ledger, input.MediaId, input.SourceKey, reportTimeout.Token);
        }

        if (stopped)
        {
            Log.JobStopped(logger, jobId, time.GetElapsedTime(started).TotalSeconds);
            return JobResult.StoppedByRunPod;
        }

        await SendFinalCallbackAsync(jobId, input, result, reportTimeout.Token);
        Log.JobFinished(logger, jobId, result.Succeeded ? "completed" : "failed", time.GetElapsedTime(started).TotalSeconds);
        return result;
    }

    private static string? Validate(WorkerJobInput? input)
    {
        if (input is null)
        {
            return "The job has no input.";
        }

        if (input.MediaId == Guid.Empty)
        {
            return "input.mediaId is required.";
        }

        if (string.IsNullOrWhiteSpace(input.SourceKey))
        {
            return "input.sourceKey is required.";
        }

        if (ObjectKeys.Problem(input.SourceKey) is { } keyProblem)
        {
            return $"input.sourceKey {keyProblem}.";
        }

        if (!string.IsNullOrEmpty(input.CallbackUrl)
            && (!Uri.TryCreate(input.CallbackUrl, UriKind.Absolute, out var callback) || (callback.Scheme != Uri.UriSchemeHttp && callback.Scheme != Uri.UriSchemeHttps)))
        {
            return "input.callbackUrl must be an absolute http(s) URL.";
        }

        return null;
    }

    private async Task SendProgressAsync(string jobId, WorkerJobInput input, double percent, Func<double, CancellationToken, Task>? reportProgress, CancellationToken cancellationToken)
    {
        // Progress is advisory: a lost update must never fail the job.
        try
        {
            if (reportProgress is not null)
            {
                await reportProgress(percent, cancellationToken);
            }

            await SendCallbackAsync(input, new TranscodeCallback
            {
                MediaId = input.MediaId,
                Attempt = input.Attempt,
                JobId = jobId,
                Status = CallbackStatus.Progress,
                Progress = percent,
            }, cancellationToken);
        }
        catch (Exception e)
        {
            Log.ProgressNotSent(logger, jobId, e.Message);
        }
    }

    private async Task SendFinalCallbackAsync(string jobId, WorkerJobInput input, JobResult result, CancellationToken cancellationToken)
    {
        try
        {
            await SendCallbackAsync(input, new TranscodeCallback
            {
                MediaId = input.MediaId,
                Attempt = input.Attempt,
                JobId = jobId,
                Status = result.Succeeded ? CallbackStatus.Completed : CallbackStatus.Failed,
                Outputs = result.Outputs,
                Error = result.Error,
            }, cancellationToken);
        }
        catch (Exception e)
        {
            // RunPod's own job webhook still tells the gateway how the job ended.
            Log.CallbackNotSent(logger, jobId, e.Message);
        }
    }

    private Task SendCallbackAsync(WorkerJobInput input, TranscodeCallback callback, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(input.CallbackUrl) ? Task.CompletedTask : callbacks.SendAsync(input.CallbackUrl, callback, cancellationToken);

    private void DeleteWorkDirectory(string workDirectory)
    {
        try
        {
            if (Directory.Exists(workDirectory))
            {
                Directory.Delete(workDirectory, recursive: true);
            }
        }
        catch (IOException e)
        {
            Log.WorkDirectoryNotDeleted(logger, workDirectory, e);
        }
    }
}
