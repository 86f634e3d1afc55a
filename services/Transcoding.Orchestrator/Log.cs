using Microsoft.Extensions.Logging;

namespace Transcoding.Orchestrator;

internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Media {MediaId}: {From} -> {To} (attempt {Attempt}): {Reason}")]
    public static partial void Transition(ILogger logger, Guid mediaId, string from, string to, int attempt, string reason);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Media {MediaId}: refused {Event} in state {State}: {Reason}")]
    public static partial void Refused(ILogger logger, Guid mediaId, string @event, string state, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Media {MediaId}: no callback for attempt {Attempt} (job {JobId}) before its deadline; polling RunPod")]
    public static partial void DeadlinePassed(ILogger logger, Guid mediaId, int attempt, string jobId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Media {MediaId}: attempt {Attempt} waits, not spent: {Reason}")]
    public static partial void Waiting(ILogger logger, Guid mediaId, int attempt, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Media {MediaId}: attempt {Attempt} (job {JobId}, RunPod {JobStatus}) used delayTime {DelayTimeMs} ms, executionTime {ExecutionTimeMs} ms")]
    public static partial void UsageMeasured(ILogger logger, Guid mediaId, int attempt, string jobId, string jobStatus, long? delayTimeMs, long? executionTimeMs);

    /// <summary>The audit line of every replay, however it ended (<paramref name="ending"/>: completed, cancelled or failed), with the counts so far.</summary>
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Faults: {Caller} replayed {Selector} ({Ending}): {Replayed} back on their queues, {Failed} left in the error queues")]
    public static partial void FaultsReplayed(ILogger logger, string caller, string selector, string ending, int replayed, int failed);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Faults: {Caller} purged {Selector}: {Deleted} message(s) deleted")]
    public static partial void FaultsPurged(ILogger logger, string caller, string selector, int deleted);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Faults API answered 503: {Reason}")]
    public static partial void FaultsUnavailable(ILogger logger, string reason);
}
