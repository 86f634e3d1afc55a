using Microsoft.EntityFrameworkCore;
using Transcoding.Messaging.Postgres.Tests.Infrastructure;
using Transcoding.Messaging.Postgres.Tests.TestModel;

namespace Transcoding.Messaging.Postgres.Tests.Sagas;

public sealed class When_two_instances_update_one_saga_concurrently
{
    const int Increments = 100;

    [Fact]
    public async Task No_update_is_lost()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var prefix = TestHost.NewPrefix();
        var observed = new Observed();
        await using var first = await TestHost.Start(database, prefix, observed);
        await using var second = await TestHost.Start(database, prefix, observed);
        var id = Guid.NewGuid();

        await first.Send("counter", new StartCounter(id));
        await Eventually.Until(() => Count(first, id), count => count == 0, "the saga created");

        // Both instances consume the same queue with several messages in flight each: the row is contended.
        await Task.WhenAll(Enumerable.Range(0, Increments)
            .Select(i => (i % 2 == 0 ? first : second).Send("counter", new IncrementCounter(id))));

        // Once every increment's consumption completed nothing more can change the row: a lost update shows as less,
        // an increment applied twice as more.
        await Eventually.Until(() => observed.Consumed<IncrementCounter>(), x => x >= Increments, $"{Increments} increments consumed",
            TimeSpan.FromSeconds(90));
        Assert.Equal(Increments, await Count(second, id));
    }

    static Task<int?> Count(TestHost host, Guid id) =>
        host.Query(db => db.Counters.Where(x => x.CorrelationId == id).Select(x => (int?)x.Count).SingleOrDefaultAsync());
}
