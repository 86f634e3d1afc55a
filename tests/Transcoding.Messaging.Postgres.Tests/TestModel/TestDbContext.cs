using Microsoft.EntityFrameworkCore;
using Transcoding.Messaging.Postgres.Scheduling;

namespace Transcoding.Messaging.Postgres.Tests.TestModel;

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<CounterSaga> Counters => Set<CounterSaga>();
    public DbSet<ScheduledMessage> ScheduledMessages => Set<ScheduledMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new CounterSagaConfiguration());
        modelBuilder.AddScheduledMessages();
    }
}
