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
        await using var first = await TestHost.Start(database, prefix, observed, withScheduler: true);
        await using var second = await TestHost.Start(database, prefix, observed, withScheduler: true);
        var dueTime = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        var pings = Enumerable.Range(0, Messages).Select(i => new Ping(Guid.NewGuid(), $"ping {i}")).ToList();

        // All due at the same moment, more than one batch: both dispatchers claim rows in the same polls.
        await Task.WhenAll(pings.Select((ping, i) => When_a_message_is_scheduled.Schedule(i % 2 == 0 ? first : second, dueTime, ping)));

        var ids = pings.Select(x => x.PingId).ToHashSet();
        await Eventually.Poll(() => Task.FromResult(observed.Of<Ping>(x => ids.Contains(x.PingId)).Count), x => x >= Messages, TimeSpan.FromSeconds(60));
        await Task.Delay(TestHost.PollingInterval * 10);

        var deliveries = observed.Of<Ping>(x => ids.Contains(x.PingId)).GroupBy(x => ((Ping)x.Message).PingId).ToList();
        Assert.Equal(Messages, deliveries.Count);
        Assert.All(deliveries, x => Assert.Single(x));
    }
}
