using Microsoft.EntityFrameworkCore;
using Transcoding.Messaging.Postgres.Tests.Infrastructure;
using Transcoding.Messaging.Postgres.Tests.TestModel;

namespace Transcoding.Messaging.Postgres.Tests.Sagas;

public sealed class When_the_same_saga_is_created_concurrently
{
    const int Starts = 20;

    [Fact]
    public Task One_row_is_created_and_every_start_is_applied() => CreateConcurrently<CounterStateMachine>();

    [Fact]
    public Task One_row_is_created_and_every_start_is_applied_with_pre_insert() => CreateConcurrently<PreInsertingCounterStateMachine>();

    static async Task CreateConcurrently<TMachine>()
        where TMachine : CounterStateMachine
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var prefix = TestHost.NewPrefix();
        var observed = new Observed();
        await using var first = await TestHost.Start<TMachine>(database, prefix, observed);
        await using var second = await TestHost.Start<TMachine>(database, prefix, observed);
        var id = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, Starts)
            .Select(i => (i % 2 == 0 ? first : second).Send("counter", new StartCounter(id))));

        // Every start finished (its save committed, or faulted with its retries spent) before counting: a start applied
        // twice would then show, not hide, and a start lost to contention fails here by name rather than as a timeout.
        await Eventually.Until(
            () => (Consumed: observed.Consumed<StartCounter>(), Faulted: observed.Faulted<StartCounter>()),
            x => x.Consumed + x.Faulted >= Starts,
            $"{Starts} starts consumed or faulted");
        Assert.Equal(0, observed.Faulted<StartCounter>());
        Assert.Equal(Starts, await first.Query(db => db.Counters.Where(x => x.CorrelationId == id).Select(x => (int?)x.Starts).SingleOrDefaultAsync()));
        Assert.Equal(1, await first.Query(db => db.Counters.CountAsync()));
    }
}
