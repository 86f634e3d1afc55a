using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Transcoding.Messaging.Postgres.Tests.Infrastructure;
using Transcoding.Messaging.Postgres.Tests.TestModel;

namespace Transcoding.Messaging.Postgres.Tests.Scheduling;

public sealed class When_two_schedulers_share_the_table
{
    const int Messages = 60;

    [Fact]
    public async Task Each_due_message_is_delivered_exactly_once()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var prefix = TestHost.NewPrefix();
        var observed = new Observed();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var pings = Enumerable.Range(0, Messages).Select(i => new Ping(Guid.NewGuid(), $"ping {i}")).ToList();
        var ids = pings.Select(x => x.PingId).ToHashSet();

        await using (var first = await TestHost.Start(database, prefix, observed, withScheduler: true, time))
        await using (var second = await TestHost.Start(database, prefix, observed, withScheduler: true, time))
        {
            var dueTime = time.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(3);
            await Task.WhenAll(pings.Select((ping, i) => When_a_message_is_scheduled.Schedule(i % 2 == 0 ? first : second, dueTime, ping)));
            await Eventually.Until(() => first.Query(db => db.ScheduledMessages.CountAsync()), x => x == Messages, $"{Messages} rows stored");

            // All due at the same moment, more than one batch, and one tick of the shared clock wakes both dispatchers:
            // they claim rows in the same polls.
            time.Advance(TimeSpan.FromSeconds(3));
            await Eventually.Until(() => DistinctPings(observed, ids), x => x == Messages, $"{Messages} distinct pings observed",
                TimeSpan.FromSeconds(60));
        }

        // Both instances have stopped, so every send either made is in the observer queue. One consumer reads it in order
        // now: once a marker sent after them is recorded, every copy of every ping is recorded too.
        await using var reader = await TestHost.Start(database, prefix, observed);
        var marker = new Ping(Guid.NewGuid(), "marker");
        await reader.Send("observer", marker);
        await observed.WaitFor<Ping>(x => x.PingId == marker.PingId);

        var deliveries = observed.Of<Ping>(x => ids.Contains(x.PingId)).GroupBy(x => ((Ping)x.Message).PingId).ToList();
        Assert.Equal(Messages, deliveries.Count);
        Assert.All(deliveries, x => Assert.Single(x));
    }

    static int DistinctPings(Observed observed, HashSet<Guid> ids) =>
        observed.Of<Ping>(x => ids.Contains(x.PingId)).Select(x => ((Ping)x.Message).PingId).Distinct().Count();
}
