using Npgsql;
using Transcoding.Gateway.Deduplication;
using Transcoding.Gateway.Tests.Infrastructure;

namespace Transcoding.Gateway.Tests.Deduplication;

/// <summary>The same contract on real PostgreSQL (TEST_POSTGRES); each test class instance gets the table ensured.</summary>
public sealed class PostgresWebhookDeduplicatorTests : WebhookDeduplicatorContract, IAsyncLifetime
{
    private readonly PostgresWebhookDeduplicator _store;

    public PostgresWebhookDeduplicatorTests() => _store = new PostgresWebhookDeduplicator(NpgsqlDataSource.Create(TestServers.Postgres), Time);

    protected override IWebhookDeduplicator Store => _store;

    public Task InitializeAsync() => _store.InitializeAsync(default);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task When_the_table_already_exists_start_up_succeeds_again()
    {
        await _store.InitializeAsync(default);

        Assert.Equal(DedupClaim.Claimed, await _store.TryClaimAsync($"webhook:test-{Guid.NewGuid():N}", Lease, default));
    }
}
