using System.ComponentModel.DataAnnotations;

namespace Transcoding.Messaging.Postgres.Scheduling;

public sealed class PostgresSchedulerOptions
{
    /// <summary>Queue the scheduler consumes <c>ScheduleMessage</c> / <c>CancelScheduledMessage</c> from.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.:-]+$")]
    public string QueueName { get; set; } = "scheduler";

    /// <summary>How often due rows are looked for; a message is late by at most about this much.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one send may wait for the broker before it counts as failed (the row is retried after a back-off)
    /// and its lock is released.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Rows claimed per transaction, and sent concurrently.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    public Uri Address => new($"queue:{QueueName}");
}
