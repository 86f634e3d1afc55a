using Microsoft.EntityFrameworkCore;
using Transcoding.Orchestrator.Persistence;

namespace Transcoding.Orchestrator.Tests.Persistence;

/// <summary>Migrations are written by hand here (no dotnet-ef): the model, the last migration and the snapshot must agree,
/// or EF Core refuses to migrate at start-up (pending model changes).</summary>
public sealed class When_the_saga_model_changes
{
    [Fact]
    public void A_migration_and_the_model_snapshot_come_with_it()
    {
        using var context = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(), "the model differs from the migrations' snapshot: add a migration and update TranscodeDbContextModelSnapshot");
        Assert.Contains(context.Database.GetMigrations(), migration => migration.EndsWith("_AttemptUsageRecords", StringComparison.Ordinal));
    }
}
