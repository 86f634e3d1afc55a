namespace Transcoding.Messaging.Postgres;

static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Saga {SagaType} {CorrelationId} already exists; loading it instead")]
    public static partial void SagaAlreadyExists(ILogger logger, string sagaType, Guid correlationId);

    [LoggerMessage(2, LogLevel.Information, "Applying EF Core migrations of {DbContext}")]
    public static partial void ApplyingMigrations(ILogger logger, string dbContext);

    [LoggerMessage(3, LogLevel.Information, "Database of {DbContext} is up to date")]
    public static partial void MigrationsApplied(ILogger logger, string dbContext);

    [LoggerMessage(4, LogLevel.Debug, "Scheduled message {TokenId} for {Destination} at {DueTime:O}")]
    public static partial void MessageScheduled(ILogger logger, Guid tokenId, string destination, DateTime dueTime);

    [LoggerMessage(5, LogLevel.Debug, "Cancelled scheduled message {TokenId} ({Rows} row)")]
    public static partial void MessageUnscheduled(ILogger logger, Guid tokenId, int rows);

    [LoggerMessage(6, LogLevel.Debug, "Sent scheduled message {TokenId} to {Destination}")]
    public static partial void ScheduledMessageSent(ILogger logger, Guid tokenId, string destination);

    [LoggerMessage(7, LogLevel.Warning, "Sending scheduled message {TokenId} to {Destination} failed (attempt {Attempt}); retrying at {RetryAt:O}")]
    public static partial void ScheduledMessageSendFailed(ILogger logger, Exception exception, Guid tokenId, string destination, int attempt, DateTime retryAt);

    [LoggerMessage(8, LogLevel.Error, "Polling scheduled messages failed; trying again after the polling interval")]
    public static partial void PollFailed(ILogger logger, Exception exception);

    [LoggerMessage(20, LogLevel.Debug, "Deleted {Count} expired records of {Store}")]
    public static partial void ExpiredRecordsPurged(ILogger logger, int count, string store);

    [LoggerMessage(21, LogLevel.Warning, "Deleting expired records of {Store} failed ({ExceptionType}); tried again at the next interval")]
    public static partial void ExpiredRecordsPurgeFailed(ILogger logger, string store, string exceptionType);
}
