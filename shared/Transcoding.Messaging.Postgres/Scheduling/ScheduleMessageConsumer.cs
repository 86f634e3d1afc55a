using System.Text.Json;
using MassTransit;
using MassTransit.Scheduling;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Transcoding.Messaging.Postgres.Scheduling;

/// <summary>
/// Stores a <see cref="ScheduleMessage"/> with the envelope fields of the command, which carry the scheduled message's
/// own ids and headers (the scheduling send pipe writes them there). Scheduling the same token again replaces the row.
/// </summary>
public sealed class ScheduleMessageConsumer<TDbContext>(TDbContext dbContext, TimeProvider timeProvider, ILogger<ScheduleMessageConsumer<TDbContext>> logger)
    : IConsumer<ScheduleMessage>
    where TDbContext : DbContext
{
    public async Task Consume(ConsumeContext<ScheduleMessage> context)
    {
        var command = context.Message;
        var row = new ScheduledMessage
        {
            TokenId = command.CorrelationId,
            DueTime = AsUtc(command.ScheduledTime),
            Destination = command.Destination.ToString(),
            PayloadTypes = command.PayloadType,
            Payload = JsonSerializer.Serialize(command.Payload, SystemTextJsonMessageSerializer.Options),
            MessageId = context.MessageId,
            CorrelationId = context.CorrelationId,
            ConversationId = context.ConversationId,
            InitiatorId = context.InitiatorId,
            RequestId = context.RequestId,
            SourceAddress = context.SourceAddress?.ToString(),
            ResponseAddress = context.ResponseAddress?.ToString(),
            FaultAddress = context.FaultAddress?.ToString(),
            ExpirationTime = context.ExpirationTime is { } expiration ? AsUtc(expiration) : null,
            Headers = ScheduledMessage.HeadersOf(context.Headers),
            CreatedAt = timeProvider.GetUtcNow().UtcDateTime,
        };

        await ScheduledMessageSql.Upsert(dbContext, row, context.CancellationToken);
        Log.MessageScheduled(logger, row.TokenId, row.Destination, row.DueTime);
    }

    // Serializers may hand back Unspecified kinds; MassTransit always writes UTC.
    static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
}
