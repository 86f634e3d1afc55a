using Npgsql;
using Transcoding.Gateway.Deduplication;
using Transcoding.Gateway.Tests.Infrastructure;

namespace Transcoding.Gateway.Tests.Deduplication;

/// <summary>The same contract on real PostgreSQL (TEST_POSTGRES); the table comes from the gateway's migration, as at start-up.</summary>
public sealed class PostgresWebhookDeduplicatorTests : WebhookDeduplicatorContract, IAsyncLifetime
{
    private readonly PostgresWebhookDeduplicator _store;

    public PostgresWebhookDeduplicatorTests() => _store = new PostgresWebhookDeduplicator(NpgsqlDataSource.Create(TestServers.Postgres), Time);

    protected override IWebhookDeduplicator Store => _store;

    public Task InitializeAsync() => MigrateAsync(TestServers.Postgres);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task When_several_gateways_start_at_once_on_an_empty_database_each_finds_the_table_ready()
    {
        var schema = $"gateway_test_{Guid.NewGuid():N}";
        await using var admin = NpgsqlDataSource.Create(TestServers.Postgres);
        await admin.CreateCommand($"CREATE SCHEMA {schema}").ExecuteNonQueryAsync();
        var inSchema = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { SearchPath = schema }.ConnectionString;
        var stores = Enumerable.Range(0, 6).Select(_ => new PostgresWebhookDeduplicator(NpgsqlDataSource.Create(inSchema), Time)).ToList();
        try
        {
            await Task.WhenAll(stores.Select(_ => Task.Run(() => MigrateAsync(inSchema))));

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

    [Fact]
    public async Task When_a_database_holds_the_table_a_gateway_made_before_migrations_its_records_still_count()
    {
        await using var before = await PostgresDatabase.CreateAsync();
        // The table as gateways created it at start-up before migrations, with one delivery published then.
        await before.ScalarAsync<int?>($"""
            CREATE TABLE {PostgresWebhookDeduplicator.TableName} (key text PRIMARY KEY, processed boolean NOT NULL, expires_at timestamptz NOT NULL);
            CREATE INDEX {PostgresWebhookDeduplicator.TableName}_expires_at ON {PostgresWebhookDeduplicator.TableName} (expires_at);
            INSERT INTO {PostgresWebhookDeduplicator.TableName} VALUES ('webhook:from-before', true, '{Time.GetUtcNow() + Ttl:O}');
            """);

        await MigrateAsync(before.ConnectionString);

        await using var store = new PostgresWebhookDeduplicator(NpgsqlDataSource.Create(before.ConnectionString), Time);
        Assert.Equal(DedupClaim.AlreadyProcessed, await store.TryClaimAsync("webhook:from-before", Lease, default));
    }

    private static Task MigrateAsync(string connectionString) =>
        SchemaMigration.ApplyAsync<WebhookDeliveryDbContext>(connectionString, WebhookDeliveryDbContext.HistoryTable);
}
