using Npgsql;
using Xunit;

namespace Transcoding.Testing;

/// <summary>
/// A new, empty database on the test PostgreSQL, dropped afterwards, so tests can run in parallel. Use it as an xunit
/// fixture (<see cref="IAsyncLifetime"/>) or create one with <see cref="CreateAsync"/>.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _server = TestServers.Postgres;

    public string Name { get; } = "test_" + Guid.NewGuid().ToString("N");

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = Name }.ConnectionString;

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        return database;
    }

    public async Task InitializeAsync()
    {
        try
        {
            await ExecuteOnServerAsync($"CREATE DATABASE \"{Name}\"");
        }
        catch (NpgsqlException exception) when (exception is not PostgresException)
        {
            throw new InvalidOperationException($"PostgreSQL (TEST_POSTGRES) is unreachable: {TestServers.StartThem}", exception);
        }
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var source = NpgsqlDataSource.Create(ConnectionString);
        await using var command = source.CreateCommand(sql);
        return (T?)await command.ExecuteScalarAsync();
    }

    /// <summary>An outage as clients see it: open connections are cut and new ones refused.</summary>
    public async Task RefuseConnectionsAsync()
    {
        await ExecuteOnServerAsync($"ALTER DATABASE \"{Name}\" ALLOW_CONNECTIONS false");
        await ExecuteOnServerAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}'");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var server = NpgsqlDataSource.Create(_server);
        await using var command = server.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
