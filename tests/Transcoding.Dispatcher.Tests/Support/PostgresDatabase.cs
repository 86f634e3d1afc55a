using Npgsql;

namespace Transcoding.Dispatcher.Tests.Support;

/// <summary>A new, empty database on the test PostgreSQL (<c>TEST_POSTGRES</c>), dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private readonly string _server = Environment.GetEnvironmentVariable("TEST_POSTGRES") is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException("TEST_POSTGRES is not set: start the test servers: make test (or scripts/test-infra.sh start)");

    private readonly string _name = $"dispatch_ledger_test_{Guid.NewGuid():N}";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;

    public async Task InitializeAsync()
    {
        await using var server = NpgsqlDataSource.Create(_server);
        await using var create = server.CreateCommand($"CREATE DATABASE {_name}");
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = NpgsqlDataSource.Create(_server);
        await using var drop = server.CreateCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var source = NpgsqlDataSource.Create(ConnectionString);
        await using var command = source.CreateCommand(sql);
        return (T?)await command.ExecuteScalarAsync();
    }
}
