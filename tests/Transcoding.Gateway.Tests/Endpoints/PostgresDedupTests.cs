using System.Net;
using Npgsql;
using Transcoding.Gateway.Deduplication;
using Transcoding.Gateway.Tests.Infrastructure;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Endpoints;

/// <summary>The gateway with its dedup records in real PostgreSQL (TEST_POSTGRES), each test in a schema of its own.</summary>
public sealed class PostgresDedupTests : IAsyncLifetime
{
    private readonly string _schema = $"gateway_test_{Guid.NewGuid():N}";
    private readonly string _secret = WebhookSecret.Generate();
    private readonly string _tokenKey = GatewayHost.NewTokenKey();
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { SearchPath = _schema }.ConnectionString;
        await ExecuteAsync($"CREATE SCHEMA {_schema}");
    }

    public Task DisposeAsync() => ExecuteAsync($"DROP SCHEMA IF EXISTS {_schema} CASCADE");

    [Fact]
    public async Task When_a_delivery_is_replayed_after_a_restart_it_is_acknowledged_without_publishing_again()
    {
        var mediaId = Guid.NewGuid();
        var delivery = SignedDelivery.Of(Reports.Completed(mediaId), _secret);
        var viaConnectionStrings = Settings();
        viaConnectionStrings["ConnectionStrings:Postgres"] = _connectionString;
        var viaWebhooksSection = Settings();
        viaWebhooksSection["Webhooks:DedupConnectionString"] = _connectionString;

        await using (var first = await GatewayHost.StartAsync(viaConnectionStrings))
        {
            Assert.IsType<PostgresWebhookDeduplicator>(first.Services.GetService(typeof(IWebhookDeduplicator)));
            Assert.Equal(HttpStatusCode.NoContent, (await first.SendAsync(delivery.ToRequest())).StatusCode);
            Assert.Single(first.PublishedFor(mediaId));
        }

        await using var restarted = await GatewayHost.StartAsync(viaWebhooksSection);
        var replay = await restarted.SendAsync(delivery.ToRequest());

        Assert.Equal(HttpStatusCode.NoContent, replay.StatusCode);
        Assert.Empty(restarted.PublishedFor(mediaId));
        Assert.Equal(2L, await CountAsync($"SELECT count(*) FROM {_schema}.{PostgresWebhookDeduplicator.TableName} WHERE processed"));
    }

    [Fact]
    public async Task When_the_dedup_store_is_broken_the_delivery_is_answered_500_and_nothing_is_published()
    {
        var settings = Settings();
        settings["Webhooks:DedupConnectionString"] = _connectionString;
        await using var gateway = await GatewayHost.StartAsync(settings);
        await ExecuteAsync($"DROP TABLE {_schema}.{PostgresWebhookDeduplicator.TableName}");
        var mediaId = Guid.NewGuid();

        var response = await gateway.DeliverAsync(Reports.Completed(mediaId), _secret);

        // A permanent database error (42P01) is a fault to fix, not an outage to wait out (that one is a 503:
        // When_PostgreSQL_restarts_under_the_dedup_store); still a 5xx, so the sender keeps the callback.
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(gateway.PublishedFor(mediaId));
    }

    [Fact]
    public async Task When_the_dedup_store_goes_down_the_gateway_is_alive_but_not_ready()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var settings = Settings();
        settings["Webhooks:DedupConnectionString"] = database.ConnectionString;
        await using var gateway = await GatewayHost.StartAsync(settings);
        Assert.Equal(HttpStatusCode.OK, (await gateway.Client.GetAsync("/health/ready")).StatusCode);

        await database.RefuseConnectionsAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await gateway.Client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gateway.Client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task When_no_connection_string_is_configured_the_records_stay_in_memory()
    {
        await using var gateway = await GatewayHost.StartAsync(Settings());

        Assert.IsType<InMemoryWebhookDeduplicator>(gateway.Services.GetService(typeof(IWebhookDeduplicator)));
    }

    private Dictionary<string, string?> Settings() => GatewayHost.Settings(_secret, _tokenKey);

    private static async Task ExecuteAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(TestServers.Postgres);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(TestServers.Postgres);
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
