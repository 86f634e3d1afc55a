using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.Tests.Support;

namespace Transcoding.Dispatcher.Tests.Ledger;

/// <summary>The ledger contract on a real PostgreSQL, its schema from the dispatcher's migrations, plus what only a shared database adds.</summary>
public sealed class PostgresDispatchLedgerTests(PostgresDatabase database) : DispatchLedgerContract, IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly List<PostgresDispatchLedger> _ledgers = [];

    public Task InitializeAsync() => MigrateAsync(database.ConnectionString);

    public async Task DisposeAsync()
    {
        foreach (var ledger in _ledgers)
        {
            await ledger.DisposeAsync();
        }
    }

    [Fact]
    public async Task When_two_dispatcher_instances_share_the_database_a_job_recorded_by_one_is_seen_by_the_other()
    {
        var first = await CreateLedgerAsync();
        var second = await CreateLedgerAsync();
        var mediaId = Guid.NewGuid();
        Assert.Equal(DispatchClaim.Claimed, await first.ClaimAsync(mediaId, 1, TimeSpan.FromMinutes(5), CancellationToken.None));

        Assert.Equal(DispatchClaim.Busy, await second.ClaimAsync(mediaId, 1, TimeSpan.FromMinutes(5), CancellationToken.None));
        await first.RecordJobAsync(mediaId, 1, "job-shared", CancellationToken.None);

        Assert.Equal(DispatchClaim.Submitted("job-shared"), await second.ClaimAsync(mediaId, 1, TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task When_the_ledger_table_exists_already_migrating_again_changes_nothing()
    {
        var ledger = await CreateLedgerAsync();
        var mediaId = Guid.NewGuid();
        await ledger.RecordJobAsync(mediaId, 1, "job-before", CancellationToken.None);

        await MigrateAsync(database.ConnectionString);

        Assert.Equal("job-before", await ledger.FindJobIdAsync(mediaId, 1, CancellationToken.None));
    }

    [Fact]
    public async Task When_a_database_holds_the_table_a_dispatcher_made_before_migrations_the_migration_adopts_it_and_its_rows()
    {
        await using var before = await PostgresDatabase.CreateAsync();
        var mediaId = Guid.NewGuid();
        // The table as the first dispatchers created it at start-up: without cancelled_at.
        await before.ScalarAsync<int?>($"""
            CREATE TABLE dispatch_ledger (
                media_id uuid NOT NULL, attempt integer NOT NULL, job_id text NULL,
                claimed_at timestamptz NOT NULL, dispatched_at timestamptz NULL,
                PRIMARY KEY (media_id, attempt));
            INSERT INTO dispatch_ledger VALUES ('{mediaId}', 1, 'job-from-before', now(), now());
            """);

        await MigrateAsync(before.ConnectionString);

        await using var ledger = new PostgresDispatchLedger(before.ConnectionString, Time, Retention);
        Assert.Equal("job-from-before", await ledger.CancelAsync(mediaId, 1, CancellationToken.None));
        Assert.Equal(DispatchClaim.Submitted("job-from-before", cancelled: true), await ledger.ClaimAsync(mediaId, 1, TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    protected override Task<IDispatchLedger> CreateLedgerAsync()
    {
        var ledger = new PostgresDispatchLedger(database.ConnectionString, Time, Retention);
        _ledgers.Add(ledger);
        return Task.FromResult<IDispatchLedger>(ledger);
    }

    private static Task MigrateAsync(string connectionString) =>
        SchemaMigration.ApplyAsync<DispatchLedgerDbContext>(connectionString, DispatchLedgerDbContext.HistoryTable);
}
