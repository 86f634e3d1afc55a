using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

        var delivered = await observed.WaitFor<Ping>(x => x.PingId == ping.PingId, Delay + TimeSpan.FromSeconds(15));
        Assert.Equal(ping, delivered.Message);
        Assert.True(delivered.ReceivedAt >= dueTime, $"delivered at {delivered.ReceivedAt:O}, due at {dueTime:O}");
        Assert.Equal(messageId, delivered.MessageId);
        Assert.Equal(correlationId, delivered.CorrelationId);
        Assert.Equal(conversationId, delivered.ConversationId);
        Assert.Equal("acme", delivered.Headers["X-Tenant"]?.ToString());
        Assert.Equal("2", delivered.Headers["X-Attempt"]?.ToString());
        // The row is deleted in the transaction that claimed it, which commits just after the send.
        Assert.Equal(0, await Eventually.Poll(() => host.Query(db => db.ScheduledMessages.CountAsync()), x => x == 0, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task It_is_never_delivered_once_unscheduled()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var observed = new Observed();
        await using var host = await TestHost.Start(database, TestHost.NewPrefix(), observed, withScheduler: true);
        var ping = new Ping(Guid.NewGuid(), "cancel me");

        var scheduled = await Schedule(host, DateTime.UtcNow + Delay, ping);
        await Eventually.Poll(() => host.Query(db => db.ScheduledMessages.AnyAsync(x => x.TokenId == scheduled.TokenId)), x => x, TimeSpan.FromSeconds(10));
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMessageScheduler>().CancelScheduledSend(scheduled.Destination, scheduled.TokenId);

        var stored = await Eventually.Poll(() => host.Query(db => db.ScheduledMessages.AnyAsync()), x => !x, TimeSpan.FromSeconds(10));
        Assert.False(stored);
        await Task.Delay(Delay + TestHost.PollingInterval * 5);
        Assert.Empty(observed.Of<Ping>(x => x.PingId == ping.PingId));
    }

    internal static async Task<ScheduledMessage<Ping>> Schedule(TestHost host, DateTime dueTime, Ping ping, Action<SendContext<Ping>>? configure = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var scheduler = scope.ServiceProvider.GetRequiredService<IMessageScheduler>();
        return await scheduler.ScheduleSend(host.Queue("observer"), dueTime, ping, Pipe.Execute<SendContext<Ping>>(context => configure?.Invoke(context)));
    }
}
