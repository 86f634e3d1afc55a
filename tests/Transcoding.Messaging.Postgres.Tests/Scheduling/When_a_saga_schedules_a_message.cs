using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
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

        var reminded = await observed.WaitFor<CounterReminded>(x => x.CorrelationId == id);
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
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TestHost.Start(database, TestHost.NewPrefix(), observed, withScheduler: true, time);
        var id = Guid.NewGuid();
        await Start(host, id);
        await host.Send("counter", new RequestReminder(id, 4000));
        await Eventually.True(() => host.Query(db => db.ScheduledMessages.AnyAsync()), "the reminder's row stored");

        await host.Send("counter", new CancelReminder(id));

        // The scheduler's clock stands still: only the cancellation can remove the row.
        await Eventually.True(async () => !await host.Query(db => db.ScheduledMessages.AnyAsync()), "the reminder's row deleted");

        // A second reminder, due after the first, is the marker: once the clock is past both and the marker has been
        // received, a poll after the first's due time has run, and the saga was reminded once, by the marker.
        await host.Send("counter", new RequestReminder(id, 5000));
        await Eventually.True(() => host.Query(db => db.ScheduledMessages.AnyAsync()), "the marker reminder's row stored");
        time.SetUtcNow(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1));
        var reminded = await observed.WaitFor<CounterReminded>(x => x.CorrelationId == id);
        Assert.Equal(1, ((CounterReminded)reminded.Message).Reminders);
        Assert.Single(observed.Of<CounterReminded>(x => x.CorrelationId == id));
        var saga = await host.Query(db => db.Counters.AsNoTracking().SingleAsync(x => x.CorrelationId == id));
        Assert.Equal(1, saga.Reminders);
    }

    // Events other than the start are dropped for a saga that does not exist yet.
    static async Task Start(TestHost host, Guid id)
    {
        await host.Send("counter", new StartCounter(id));
        await Eventually.True(() => host.Query(db => db.Counters.AnyAsync(x => x.CorrelationId == id)), "the saga created");
    }
}
