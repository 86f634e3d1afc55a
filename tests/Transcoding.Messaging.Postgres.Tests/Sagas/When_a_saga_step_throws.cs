using Microsoft.EntityFrameworkCore;
using Transcoding.Messaging.Postgres.Tests.Infrastructure;
using Transcoding.Messaging.Postgres.Tests.TestModel;

namespace Transcoding.Messaging.Postgres.Tests.Sagas;

public sealed class When_a_saga_step_throws
{
    [Fact]
    public async Task Its_state_is_not_saved_and_what_it_published_is_neither_sent_nor_kept()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var observed = new Observed();
        await using var host = await TestHost.Start(database, TestHost.NewPrefix(), observed);
        var id = Guid.NewGuid();
        await host.Send("counter", new StartCounter(id));
        await Eventually.Until(() => Count(host, id), x => x == 0, "the saga created");

        await host.Send("counter", new FailCounter(id));

        // The fault is published once the message has failed for good, after every attempt's own publish would have left
        // for the same observer queue; the observer consumes in queue order, so such a publish would be recorded first.
        await observed.WaitFor<MassTransit.Fault<FailCounter>>(x => x.Message.CorrelationId == id);
        Assert.Empty(observed.Of<CounterFailing>(x => x.CorrelationId == id));
        Assert.Equal(0, await Count(host, id));
        // Its outbox row was rolled back with the state, so no later delivery can send it either.
        Assert.False(await host.Query(db => db.ScheduledMessages.AnyAsync()));
    }

    static Task<int?> Count(TestHost host, Guid id) =>
        host.Query(db => db.Counters.Where(x => x.CorrelationId == id).Select(x => (int?)x.Count).SingleOrDefaultAsync());
}
