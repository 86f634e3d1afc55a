using Microsoft.EntityFrameworkCore;
using Transcoding.Orchestrator.Persistence;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.Persistence;

/// <summary>
/// During a rolling deploy, orchestrators of the previous release write the saga table next to this one: a column this
/// release stopped mapping must stay, nullable, until a later release drops it.
/// </summary>
public sealed class When_a_previous_release_shares_the_saga_store
{
    [Fact]
    public async Task The_retired_content_type_column_stays_and_accepts_rows_without_it()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using (var db = new TranscodeDbContext(new DbContextOptionsBuilder<TranscodeDbContext>().UseNpgsql(database.ConnectionString).Options))
        {
            await db.Database.MigrateAsync();
        }

        var nullable = await database.ScalarAsync<string>(
            "SELECT is_nullable FROM information_schema.columns WHERE table_name = 'transcode_state' AND column_name = 'ContentType'");

        Assert.Equal("YES", nullable);
    }
}
