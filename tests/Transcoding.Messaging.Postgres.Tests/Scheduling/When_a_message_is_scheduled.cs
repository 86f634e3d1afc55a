using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Transcoding.Messaging.Postgres.Tests.Infrastructure;
using Transcoding.Messaging.Postgres.Tests.TestModel;

namespace Transcoding.Messaging.Postgres.Tests.Scheduling;

public sealed class When_a_message_is_scheduled
{
    static readonly TimeSpan Delay = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task It_is_delivered_after_its_due_time_with_its_ids_and_headers()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var observed = new Observed();
        await using var host = await TestHost.Start(database, TestHost.NewPrefix(), observed, withScheduler: true);
        var ping = new Ping(Guid.NewGuid(), "hello");
        var messageId = NewId.NextGuid();
        var correlationId = Guid.NewGuid();
        var conversationId = Guid.NewGuid();
        var dueTime = DateTime.UtcNow + Delay;

        await Schedule(host, dueTime, ping, context =>
        {
            context.MessageId = messageId;
            context.CorrelationId = correlationId;
            context.ConversationId = conversationId;
            context.Headers.Set("X-Tenant", "acme");
            context.Headers.Set("X-Attempt", 2);
        });

        var delivered = await observed.WaitFor<Ping>(x => x.PingId == ping.PingId);
        Assert.Equal(ping, delivered.Message);
        Assert.True(delivered.ReceivedAt >= dueTime, $"delivered at {delivered.ReceivedAt:O}, due at {dueTime:O}");
        Assert.Equal(messageId, delivered.MessageId);
        Assert.Equal(correlationId, delivered.CorrelationId);
        Assert.Equal(conversationId, delivered.ConversationId);
        Assert.Equal("acme", delivered.Headers["X-Tenant"]?.ToString());
        Assert.Equal("2", delivered.Headers["X-Attempt"]?.ToString());
        // The row is deleted in the transaction that claimed it, which commits just after the send.
        await Eventually.Until(() => host.Query(db => db.ScheduledMessages.CountAsync()), x => x == 0, "the sent row deleted");
    }

    [Fact]
    public async Task It_is_never_delivered_once_unscheduled()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var observed = new Observed();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TestHost.Start(database, TestHost.NewPrefix(), observed, withScheduler: true, time);
        var cancelled = new Ping(Guid.NewGuid(), "cancel me");
        var marker = new Ping(Guid.NewGuid(), "due just after it");
        var dueTime = time.GetUtcNow().UtcDateTime + Delay;

        var scheduled = await Schedule(host, dueTime, cancelled);
        await Schedule(host, dueTime + TimeSpan.FromSeconds(1), marker);
        await Eventually.Until(() => host.Query(db => db.ScheduledMessages.CountAsync()), x => x == 2, "both rows stored");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMessageScheduler>().CancelScheduledSend(scheduled.Destination, scheduled.TokenId);
        }

        // The scheduler's clock stands still: only the cancellation can remove the row.
        await Eventually.True(async () => !await host.Query(db => db.ScheduledMessages.AnyAsync(x => x.TokenId == scheduled.TokenId)),
            "the cancelled row deleted");

        // Past both due times: rows are claimed and sent in due order to the one observer queue, which is consumed in
        // order, so the cancelled ping, had it been sent, would be recorded before the marker.
        time.Advance(Delay + TimeSpan.FromSeconds(2));
        await observed.WaitFor<Ping>(x => x.PingId == marker.PingId);
        Assert.Empty(observed.Of<Ping>(x => x.PingId == cancelled.PingId));
    }

    internal static async Task<ScheduledMessage<Ping>> Schedule(TestHost host, DateTime dueTime, Ping ping, Action<SendContext<Ping>>? configure = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var scheduler = scope.ServiceProvider.GetRequiredService<IMessageScheduler>();
        return await scheduler.ScheduleSend(host.Queue("observer"), dueTime, ping, Pipe.Execute<SendContext<Ping>>(context => configure?.Invoke(context)));
    }
}
