using Npgsql;

namespace Transcoding.Messaging.Postgres.Tests.Infrastructure;

/// <summary>An empty database of its own for one test, dropped afterwards, so tests run in parallel.</summary>
sealed class TestDatabase : IAsyncDisposable
{
    readonly string _name = $"mt_{Guid.NewGuid():N}";
    readonly string _serverConnectionString = TestServers.Postgres;

    TestDatabase()
    {
        ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = _name, Pooling = true }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> Create()
    {
        var database = new TestDatabase();
        try
        {
            await database.Execute($"CREATE DATABASE \"{database._name}\"");
        }
        catch (NpgsqlException exception) when (exception is not PostgresException)
        {
            throw new InvalidOperationException($"PostgreSQL (TEST_POSTGRES) is unreachable: {TestServers.StartThem}", exception);
        }
        return database;
    }

    public async Task<T> Scalar<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Execute($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
