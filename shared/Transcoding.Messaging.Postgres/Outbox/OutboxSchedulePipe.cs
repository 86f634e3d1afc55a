using MassTransit;

namespace Transcoding.Messaging.Postgres.Outbox;

/// <summary>
/// Marks a send as scheduled: its token (which <c>Unschedule</c> cancels and MassTransit reads back from the
/// <c>MT-Scheduling-TokenId</c> header of the delivered message) and its due time, then runs the caller's pipe.
/// </summary>
sealed class OutboxSchedulePipe<T>(IPipe<SendContext<T>> pipe, Guid tokenId, DateTime dueTime) : IPipe<SendContext<T>>
    where T : class
{
    public async Task Send(SendContext<T> context)
    {
        context.ScheduledMessageId = tokenId;
        context.Headers.Set(MessageHeaders.SchedulingTokenId, tokenId.ToString("D"));
        context.GetOrAddPayload(() => new ScheduledDelivery(dueTime));
        if (pipe.IsNotEmpty())
        {
            await pipe.Send(context);
        }
    }

    public void Probe(ProbeContext context) => pipe.Probe(context.CreateScope("outboxSchedule"));
}
