using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.Tests.Support;

namespace Transcoding.Dispatcher.Tests.Ledger;

/// <summary>The ledger contract on a real PostgreSQL, plus what only a shared database adds.</summary>
public sealed class PostgresDispatchLedgerTests(PostgresDatabase database) : DispatchLedgerContract, IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly List<PostgresDispatchLedger> _ledgers = [];

    public Task InitializeAsync() => Task.CompletedTask;

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
    public async Task When_the_ledger_table_exists_already_initialising_again_changes_nothing()
    {
        var ledger = await CreateLedgerAsync();
        var mediaId = Guid.NewGuid();
        await ledger.RecordJobAsync(mediaId, 1, "job-before", CancellationToken.None);

        await ledger.InitializeAsync(CancellationToken.None);

        Assert.Equal("job-before", await ledger.FindJobIdAsync(mediaId, 1, CancellationToken.None));
    }

    protected override async Task<IDispatchLedger> CreateLedgerAsync()
    {
        var ledger = new PostgresDispatchLedger(database.ConnectionString, Time);
        _ledgers.Add(ledger);
        await ledger.InitializeAsync(CancellationToken.None);
        return ledger;
    }
}
