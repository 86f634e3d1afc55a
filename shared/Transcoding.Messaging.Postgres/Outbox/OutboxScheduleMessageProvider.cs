using MassTransit;
using MassTransit.Scheduling;

namespace Transcoding.Messaging.Postgres.Outbox;

/// <summary>
/// Schedules by sending through the step's outbox with a due time, so a <c>Schedule</c> commits with the saga's state and
/// an <c>Unschedule</c> deletes the row in the same transaction: no <c>ScheduleMessage</c> hop through the scheduler queue,
/// and no deadline lost or left behind by a crash between the two.
/// </summary>
sealed class OutboxScheduleMessageProvider(ConsumeContext context, PostgresOutbox outbox) : IScheduleMessageProvider
{
    public async Task<ScheduledMessage<T>> ScheduleSend<T>(Uri destinationAddress, DateTime scheduledTime, T message, IPipe<SendContext<T>> pipe,
        CancellationToken cancellationToken)
        where T : class
    {
        var tokenId = ScheduleTokenIdCache<T>.GetTokenId(message);
        var dueTime = scheduledTime.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(scheduledTime, DateTimeKind.Utc) : scheduledTime.ToUniversalTime();
        var endpoint = await context.GetSendEndpoint(destinationAddress);
        await endpoint.Send(message, new OutboxSchedulePipe<T>(pipe, tokenId, dueTime), cancellationToken);
        return new ScheduledMessageHandle<T>(tokenId, dueTime, destinationAddress, message);
    }

    public Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken) => outbox.Unschedule(tokenId, cancellationToken);

    public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) =>
        outbox.Unschedule(tokenId, cancellationToken);
}
