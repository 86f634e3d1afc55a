using Microsoft.EntityFrameworkCore;
using Transcoding.Messaging.Postgres.Scheduling;

namespace Transcoding.Orchestrator.Persistence;

/// <summary>The orchestrator's database: saga instances and the durable scheduler's rows, in one schema and one migration history.</summary>
public sealed class TranscodeDbContext(DbContextOptions<TranscodeDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new TranscodeStateMap());
        modelBuilder.AddScheduledMessages();
    }
}
