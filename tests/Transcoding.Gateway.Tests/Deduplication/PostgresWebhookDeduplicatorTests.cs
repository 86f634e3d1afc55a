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
    public async Task When_several_gateways_start_at_once_on_an_empty_database_each_finds_the_table_ready()
    {
        var schema = $"gateway_test_{Guid.NewGuid():N}";
        await using var admin = NpgsqlDataSource.Create(TestServers.Postgres);
        await admin.CreateCommand($"CREATE SCHEMA {schema}").ExecuteNonQueryAsync();
        var stores = Enumerable.Range(0, 6)
            .Select(_ => new PostgresWebhookDeduplicator(NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(TestServers.Postgres) { SearchPath = schema }.ConnectionString), Time))
            .ToList();
        try
        {
            await Task.WhenAll(stores.Select(store => Task.Run(() => store.InitializeAsync(default))));

            Assert.Equal(DedupClaim.Claimed, await stores[0].TryClaimAsync("webhook:first", Lease, default));
            Assert.Equal(DedupClaim.InFlight, await stores[^1].TryClaimAsync("webhook:first", Lease, default));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }

            await admin.CreateCommand($"DROP SCHEMA {schema} CASCADE").ExecuteNonQueryAsync();
        }
    }
}
