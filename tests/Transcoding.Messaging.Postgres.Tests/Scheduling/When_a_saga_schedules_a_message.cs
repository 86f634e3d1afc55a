using Microsoft.EntityFrameworkCore;
using Transcoding.Messaging.Postgres.Tests.Infrastructure;
using Transcoding.Messaging.Postgres.Tests.TestModel;

namespace Transcoding.Messaging.Postgres.Tests.Scheduling;

public sealed class When_a_saga_schedules_a_message
{
    [Fact]
    public async Task The_saga_receives_it_when_due()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var observed = new Observed();
        await using var host = await TestHost.Start(database, TestHost.NewPrefix(), observed, withScheduler: true);
        var id = Guid.NewGuid();
        await Start(host, id);

        await host.Send("counter", new RequestReminder(id, 1000));

        var reminded = await observed.WaitFor<CounterReminded>(x => x.CorrelationId == id, TimeSpan.FromSeconds(30));
        Assert.Equal(1, ((CounterReminded)reminded.Message).Reminders);
        var saga = await host.Query(db => db.Counters.AsNoTracking().SingleAsync(x => x.CorrelationId == id));
        Assert.Equal(1, saga.Reminders);
        Assert.Null(saga.ReminderToken);
    }

    [Fact]
    public async Task The_saga_never_receives_it_once_unscheduled()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var observed = new Observed();
        await using var host = await TestHost.Start(database, TestHost.NewPrefix(), observed, withScheduler: true);
        var id = Guid.NewGuid();
        await Start(host, id);
        await host.Send("counter", new RequestReminder(id, 4000));
        var pending = await Eventually.Poll(() => host.Query(db => db.ScheduledMessages.AnyAsync()), x => x, TimeSpan.FromSeconds(20));
        Assert.True(pending);

        await host.Send("counter", new CancelReminder(id));

        var stillPending = await Eventually.Poll(() => host.Query(db => db.ScheduledMessages.AnyAsync()), x => !x, TimeSpan.FromSeconds(20));
        Assert.False(stillPending);
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Empty(observed.Of<CounterReminded>(x => x.CorrelationId == id));
        var saga = await host.Query(db => db.Counters.AsNoTracking().SingleAsync(x => x.CorrelationId == id));
        Assert.Equal(0, saga.Reminders);
    }

    // Events other than the start are dropped for a saga that does not exist yet.
    static async Task Start(TestHost host, Guid id)
    {
        await host.Send("counter", new StartCounter(id));
        Assert.True(await Eventually.Poll(() => host.Query(db => db.Counters.AnyAsync(x => x.CorrelationId == id)), x => x, TimeSpan.FromSeconds(20)));
    }
}
