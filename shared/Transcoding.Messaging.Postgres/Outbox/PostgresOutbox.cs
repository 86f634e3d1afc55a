using System.Text.Json;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Transcoding.Messaging.Postgres.Scheduling;
using ScheduledMessage = Transcoding.Messaging.Postgres.Scheduling.ScheduledMessage;

namespace Transcoding.Messaging.Postgres.Outbox;

/// <summary>
/// The transactional outbox of one saga step: every message the step publishes, sends or schedules becomes a row of
/// <c>scheduled_messages</c> on the step's own DbContext, so it is committed with the saga's state or not at all, and
/// <see cref="ScheduledMessageDispatcher{TDbContext}"/> delivers it after the commit. A publish or send is due at once
/// and keyed by its message id; a scheduled message is due at its time and keyed by its schedule token. The row keeps
/// the message id, so a delivery repeated after a crash carries the same id and consumers can drop it.
/// </summary>
public sealed class PostgresOutbox(DbContext dbContext, SemaphoreSlim dbContextLock, TimeProvider time, IServiceProvider services)
    : OutboxSendContext
{
    int _added;

    /// <summary>Rows this step added to the transaction; after the commit they wait for delivery.</summary>
    public int Added => Volatile.Read(ref _added);

    public async Task AddSend<T>(SendContext<T> context)
        where T : class
    {
        var row = RowOf(context, time.GetUtcNow().UtcDateTime);
        await dbContextLock.WaitAsync(context.CancellationToken);
        try
        {
            dbContext.Add(row);
            _added++;
        }
        finally
        {
            dbContextLock.Release();
        }
    }

    /// <summary>Removes the scheduled message of <paramref name="tokenId"/>, whether this step or an earlier one scheduled it;
    /// a token already delivered or unknown is a no-op.</summary>
    public async Task Unschedule(Guid tokenId, CancellationToken cancellationToken)
    {
        await dbContextLock.WaitAsync(cancellationToken);
        try
        {
            foreach (var pending in dbContext.ChangeTracker.Entries<ScheduledMessage>().Where(x => x.Entity.TokenId == tokenId).ToList())
            {
                pending.State = EntityState.Detached;
            }

            await dbContext.Set<ScheduledMessage>().Where(x => x.TokenId == tokenId).ExecuteDeleteAsync(cancellationToken);
        }
        finally
        {
            dbContextLock.Release();
        }
    }

    public object? GetService(Type serviceType) => services.GetService(serviceType);

    static ScheduledMessage RowOf<T>(SendContext<T> context, DateTime now)
        where T : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"A {typeof(T).Name} without a message id cannot be kept in the outbox.");
        return new ScheduledMessage
        {
            TokenId = context.ScheduledMessageId ?? messageId,
            DueTime = context.TryGetPayload(out ScheduledDelivery? delivery) ? delivery.DueTime : now,
            Destination = context.DestinationAddress?.ToString() ?? throw new InvalidOperationException($"A {typeof(T).Name} without a destination cannot be kept in the outbox."),
            PayloadTypes = [.. context.SupportedMessageTypes],
            Payload = JsonSerializer.Serialize(context.Message, SystemTextJsonMessageSerializer.Options),
            MessageId = messageId,
            CorrelationId = context.CorrelationId,
            ConversationId = context.ConversationId,
            InitiatorId = context.InitiatorId,
            RequestId = context.RequestId,
            SourceAddress = context.SourceAddress?.ToString(),
            ResponseAddress = context.ResponseAddress?.ToString(),
            FaultAddress = context.FaultAddress?.ToString(),
            ExpirationTime = context.TimeToLive is { } timeToLive ? now + timeToLive : null,
            Headers = ScheduledMessage.HeadersOf(context.Headers),
            CreatedAt = now,
        };
    }
}
