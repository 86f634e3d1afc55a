namespace Transcoding.LocalRunPod;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Worker {WorkerId} took job {JobId}")]
    public static partial void JobTaken(ILogger logger, string jobId, string workerId);

    [LoggerMessage(2, LogLevel.Information, "Job {JobId} ended {Status}")]
    public static partial void JobEnded(ILogger logger, string jobId, string status);

    [LoggerMessage(3, LogLevel.Information, "Ignored a report from worker {WorkerId} on job {JobId}, which is {Status} or no longer its job")]
    public static partial void StaleReport(ILogger logger, string jobId, string workerId, string status);

    [LoggerMessage(4, LogLevel.Information, "Job {JobId} ended {Status} while worker {WorkerId} ran it: stop signalled on its job-stop channel")]
    public static partial void StopSignalled(ILogger logger, string jobId, string status, string workerId);

    [LoggerMessage(5, LogLevel.Debug, "Sent the stop of job {JobId} to worker {WorkerId}")]
    public static partial void StopSent(ILogger logger, string jobId, string workerId);

    [LoggerMessage(6, LogLevel.Information, "Worker {WorkerId} let go of stopped job {JobId}")]
    public static partial void StopAcknowledged(ILogger logger, string workerId, string jobId);

    [LoggerMessage(7, LogLevel.Warning, "Worker {WorkerId} did not acknowledge the stop of job {JobId} within {GracePeriod}: giving the worker up")]
    public static partial void StopIgnored(ILogger logger, string workerId, string jobId, TimeSpan gracePeriod);

    [LoggerMessage(8, LogLevel.Warning, "Worker {WorkerId} holding job {JobIds} has not pinged for {Silence}: treated as dead")]
    public static partial void WorkerSilent(ILogger logger, string workerId, string jobIds, TimeSpan silence);

    [LoggerMessage(9, LogLevel.Debug, "Worker {WorkerId} waits on {Route}")]
    public static partial void LongPollWaiting(ILogger logger, string workerId, string route);

    [LoggerMessage(10, LogLevel.Debug, "Webhook of job {JobId} ({Status}) delivered on attempt {Attempt}")]
    public static partial void WebhookDelivered(ILogger logger, string jobId, string status, int attempt);

    [LoggerMessage(11, LogLevel.Warning, "Webhook of job {JobId} answered HTTP {StatusCode} on attempt {Attempt}")]
    public static partial void WebhookRefused(ILogger logger, string jobId, int statusCode, int attempt);

    [LoggerMessage(12, LogLevel.Warning, "Webhook of job {JobId} unreachable ({Failure}) on attempt {Attempt}")]
    public static partial void WebhookUnreachable(ILogger logger, string jobId, string failure, int attempt);

    [LoggerMessage(13, LogLevel.Error, "Gave up delivering the webhook of job {JobId}")]
    public static partial void WebhookAbandoned(ILogger logger, string jobId);

    [LoggerMessage(20, LogLevel.Information, "Worker {WorkerId} started (pid {ProcessId})")]
    public static partial void WorkerStarted(ILogger logger, string workerId, int processId);

    [LoggerMessage(21, LogLevel.Information, "Worker {WorkerId} exited with code {ExitCode}")]
    public static partial void WorkerExited(ILogger logger, string workerId, int exitCode);

    [LoggerMessage(22, LogLevel.Error, "Worker {WorkerId} could not start '{Command}': {Reason}")]
    public static partial void WorkerStartFailed(ILogger logger, string workerId, string command, string reason);

    [LoggerMessage(23, LogLevel.Warning, "Killing worker {WorkerId}: it ignored a stop past the grace period or stopped pinging")]
    public static partial void KillingWorker(ILogger logger, string workerId);

    [LoggerMessage(26, LogLevel.Warning, "Worker {WorkerId} reports itself unhealthy: check {Check}: {Reason}")]
    public static partial void WorkerUnhealthy(ILogger logger, string workerId, string check, string reason);

    [LoggerMessage(24, LogLevel.Information, "[{WorkerId}] {Line}")]
    public static partial void WorkerOutput(ILogger logger, string workerId, string line);

    [LoggerMessage(25, LogLevel.Warning, "[{WorkerId}] {Line}")]
    public static partial void WorkerError(ILogger logger, string workerId, string line);

    [LoggerMessage(30, LogLevel.Information, "Instant completion of job {JobId} (media {MediaId}): {Outcome}")]
    public static partial void InstantCompleted(ILogger logger, string jobId, Guid mediaId, string outcome);

    [LoggerMessage(31, LogLevel.Warning, "Instant completion of job {JobId}: the callback was not delivered ({Failure})")]
    public static partial void InstantCallbackNotSent(ILogger logger, string jobId, string failure);

    [LoggerMessage(40, LogLevel.Warning, "Fault injected: HTTP {Status} for {Share} of the public API's requests until {Until}")]
    public static partial void FaultSet(ILogger logger, int status, double share, DateTimeOffset until);

    [LoggerMessage(41, LogLevel.Warning, "Fault cleared")]
    public static partial void FaultCleared(ILogger logger);

    [LoggerMessage(42, LogLevel.Warning, "Fault ended: HTTP {Status} no longer injected")]
    public static partial void FaultEnded(ILogger logger, int status);
}
