using Microsoft.Extensions.Logging;

namespace Transcoding.Worker;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Video encoder {Encoder} selected (Worker:Encoder = {Configured})")]
    public static partial void EncoderSelected(ILogger logger, string encoder, string configured);

    [LoggerMessage(2, LogLevel.Information, "Encoder probe for {Encoder} failed: {Reason}")]
    public static partial void EncoderProbeFailed(ILogger logger, string encoder, string reason);

    [LoggerMessage(3, LogLevel.Information, "Job {JobId} started for media {MediaId}, attempt {Attempt}")]
    public static partial void JobStarted(ILogger logger, string jobId, Guid mediaId, int attempt);

    [LoggerMessage(4, LogLevel.Warning, "Job {JobId} rejected: {Reason}")]
    public static partial void JobRejected(ILogger logger, string jobId, string reason);

    [LoggerMessage(5, LogLevel.Information, "Encoding media {MediaId} with {Encoder}, rungs {Rungs}")]
    public static partial void EncodeStarting(ILogger logger, Guid mediaId, string encoder, string rungs);

    [LoggerMessage(6, LogLevel.Warning, "Job {JobId} failed with {Code} (permanent: {Permanent})")]
    public static partial void JobFailed(ILogger logger, string jobId, string code, bool permanent, Exception exception);

    [LoggerMessage(7, LogLevel.Error, "Job {JobId} failed unexpectedly")]
    public static partial void JobCrashed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Job {JobId} {Outcome} in {Seconds:F1} s")]
    public static partial void JobFinished(ILogger logger, string jobId, string outcome, double seconds);

    [LoggerMessage(9, LogLevel.Warning, "Progress for job {JobId} not sent: {Reason}")]
    public static partial void ProgressNotSent(ILogger logger, string jobId, string reason);

    [LoggerMessage(10, LogLevel.Error, "Final callback for job {JobId} not delivered: {Reason}")]
    public static partial void CallbackNotSent(ILogger logger, string jobId, string reason);

    [LoggerMessage(11, LogLevel.Warning, "Work folder {Path} could not be deleted")]
    public static partial void WorkDirectoryNotDeleted(ILogger logger, string path, Exception exception);

    [LoggerMessage(12, LogLevel.Information, "Uploaded {Count} objects under {Prefix}")]
    public static partial void OutputsUploaded(ILogger logger, int count, string prefix);

    [LoggerMessage(13, LogLevel.Warning, "Could not remove {Key} after a failed job")]
    public static partial void OutputRemovalFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(14, LogLevel.Information, "Waveform generated with {Generator}")]
    public static partial void WaveformGenerated(ILogger logger, string generator);

    [LoggerMessage(15, LogLevel.Information, "Serverless worker started: taking RunPod jobs")]
    public static partial void ServerlessStarted(ILogger logger);

    [LoggerMessage(16, LogLevel.Information, "Serverless worker stopped")]
    public static partial void ServerlessStopped(ILogger logger);

    [LoggerMessage(17, LogLevel.Error, "Serverless loop error; retrying shortly")]
    public static partial void ServerlessLoopError(ILogger logger, Exception exception);

    [LoggerMessage(18, LogLevel.Warning, "Posting the result of job {JobId} failed (attempt {Attempt}): {Reason}")]
    public static partial void RunPodDoneRetry(ILogger logger, string jobId, int attempt, string reason);

    [LoggerMessage(19, LogLevel.Error, "Job file {Path} could not be read: {Reason}")]
    public static partial void JobFileUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(20, LogLevel.Debug, "job-take gave nothing within {Seconds} s; asking again")]
    public static partial void JobTakeTimedOut(ILogger logger, double seconds);

    [LoggerMessage(21, LogLevel.Warning, "job-take answered a job without a string id; skipped")]
    public static partial void JobWithoutId(ILogger logger);

    [LoggerMessage(22, LogLevel.Warning, "job-take answered {What} instead of a job object; skipped")]
    public static partial void JobTakeNotAJob(ILogger logger, string what);

    [LoggerMessage(23, LogLevel.Error, "RunPod refused the result of job {JobId} with HTTP {StatusCode}; it is not posted again")]
    public static partial void RunPodDoneRefused(ILogger logger, string jobId, int statusCode);

    [LoggerMessage(24, LogLevel.Error, "The result of job {JobId} was not delivered after {Attempts} attempts: {Reason}")]
    public static partial void RunPodDoneLost(ILogger logger, string jobId, int attempts, string reason);

    [LoggerMessage(25, LogLevel.Warning, "RUNPOD_WEBHOOK_PING is not set: no heartbeat is sent (jobs are still taken)")]
    public static partial void HeartbeatOff(ILogger logger);

    [LoggerMessage(26, LogLevel.Warning, "Heartbeat to RunPod failed: {Reason}; the next one goes out on time")]
    public static partial void PingFailed(ILogger logger, string reason);

    [LoggerMessage(27, LogLevel.Warning, "RUNPOD_WEBHOOK_GET_JOB has no /job-take/ segment: no stop channel, so RunPod cannot stop a single job on this worker")]
    public static partial void StopChannelOff(ILogger logger);

    [LoggerMessage(28, LogLevel.Information, "RunPod asked to stop job {JobId} (running here: {Running})")]
    public static partial void StopReceived(ILogger logger, string jobId, bool running);

    [LoggerMessage(29, LogLevel.Warning, "Polling RunPod's stop channel failed: {Reason}; asking again in a second")]
    public static partial void StopPollFailed(ILogger logger, string reason);

    [LoggerMessage(31, LogLevel.Warning, "RunPod's stop channel answer ignored: {Reason}")]
    public static partial void StopAnswerIgnored(ILogger logger, string reason);

    [LoggerMessage(32, LogLevel.Information, "Job {JobId} stopped by RunPod after {Seconds:F1} s: encode killed, outputs removed, nothing reported")]
    public static partial void JobStopped(ILogger logger, string jobId, double seconds);

    [LoggerMessage(30, LogLevel.Information, "Media {MediaId} source conditioning: deinterlace {Deinterlace}, frame rate {FrameRate}, dynamic range {DynamicRange}, last picture held {HoldSeconds} s")]
    public static partial void ConditioningPlanned(ILogger logger, Guid mediaId, string deinterlace, string frameRate, string dynamicRange, double holdSeconds);
}
