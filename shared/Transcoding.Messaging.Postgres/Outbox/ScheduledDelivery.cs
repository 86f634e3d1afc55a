namespace Transcoding.Messaging.Postgres.Outbox;

/// <summary>Send-context payload naming when a message sent through the outbox is due (UTC); without it, at once.</summary>
public sealed record ScheduledDelivery(DateTime DueTime);
