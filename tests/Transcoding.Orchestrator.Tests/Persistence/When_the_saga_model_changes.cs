using Microsoft.EntityFrameworkCore;
using Transcoding.Orchestrator.Persistence;

namespace Transcoding.Orchestrator.Tests.Persistence;

/// <summary>
/// Migrations are written by hand here (no dotnet-ef): the model snapshot must match the model, or EF Core refuses to
/// migrate at start-up (PendingModelChangesWarning). Needs no database: EF compares the snapshot with the model.
/// </summary>
public sealed class When_the_saga_model_changes
{
    [Fact]
    public void The_model_snapshot_matches_the_model_so_start_up_migrates()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "the model differs from Persistence/Migrations/TranscodeDbContextModelSnapshot.cs: add a migration and update the snapshot");
        Assert.Equal(
            ["20261125012925_InitialCreate", "20261130190000_AddTranscodeWaiting", "20261130191500_AttemptUsageRecords", "20261201000000_RetireSagaContentType", "20261201063000_MediaListAndStats"],
            db.Database.GetMigrations());
    }
}
