using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Transcoding.Messaging.Postgres.Tests.Infrastructure;
using Transcoding.Messaging.Postgres.Tests.TestModel;

namespace Transcoding.Messaging.Postgres.Tests.Scheduling;

public sealed class When_the_scheduler_host_restarts
{
    [Fact]
    public async Task A_pending_message_is_delivered_by_the_next_instance()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var prefix = TestHost.NewPrefix();
        var observed = new Observed();
        var ping = new Ping(Guid.NewGuid(), "survive");
        var messageId = NewId.NextGuid();

        // The first instance's clock stands still, so it cannot send the message however slowly it stops.
        await using (var before = await TestHost.Start(database, prefix, observed, withScheduler: true, new FakeTimeProvider(DateTimeOffset.UtcNow)))
        {
            await When_a_message_is_scheduled.Schedule(before, DateTime.UtcNow + TimeSpan.FromSeconds(2), ping, x => x.MessageId = messageId);
            await Eventually.True(() => before.Query(db => db.ScheduledMessages.AnyAsync()), "the row stored");
        }
        Assert.Empty(observed.Of<Ping>(x => x.PingId == ping.PingId));

        await using var after = await TestHost.Start(database, prefix, observed, withScheduler: true);
        var delivered = await observed.WaitFor<Ping>(x => x.PingId == ping.PingId);
        Assert.Equal(messageId, delivered.MessageId);
    }
}
