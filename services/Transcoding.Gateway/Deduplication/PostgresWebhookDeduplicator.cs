using Npgsql;

namespace Transcoding.Gateway.Deduplication;

/// <summary>
/// Dedup records in PostgreSQL, shared by every gateway instance. Times come from <see cref="TimeProvider"/> so expiry
/// behaves exactly as in the in-memory store (and is testable); instances keep their clocks in step with NTP anyway.
/// </summary>
public sealed class PostgresWebhookDeduplicator(NpgsqlDataSource dataSource, TimeProvider time) : IWebhookDeduplicator, IAsyncDisposable
{
    public const string TableName = "gateway_webhook_deliveries";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            CREATE TABLE IF NOT EXISTS {TableName} (
                key text PRIMARY KEY,
                processed boolean NOT NULL,
                expires_at timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS {TableName}_expires_at ON {TableName} (expires_at);
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DedupClaim> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        // Insert a claim, or take over a record whose time ran out; a live record makes the statement return nothing.
        await using var claim = dataSource.CreateCommand($"""
            INSERT INTO {TableName} (key, processed, expires_at) VALUES ($1, false, $2)
            ON CONFLICT (key) DO UPDATE SET processed = false, expires_at = excluded.expires_at
            WHERE {TableName}.expires_at <= $3
            RETURNING true
            """);
        claim.Parameters.Add(new NpgsqlParameter { Value = key });
        claim.Parameters.Add(new NpgsqlParameter { Value = now + lease });
        claim.Parameters.Add(new NpgsqlParameter { Value = now });
        if (await claim.ExecuteScalarAsync(cancellationToken) is true)
        {
            return DedupClaim.Claimed;
        }

        return await IsProcessedAsync(key, cancellationToken) ? DedupClaim.AlreadyProcessed : DedupClaim.InFlight;
    }

    public async Task<bool> IsProcessedAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {TableName} WHERE key = $1 AND processed AND expires_at > $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public async Task MarkProcessedAsync(string key, TimeSpan ttl, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO {TableName} (key, processed, expires_at) VALUES ($1, true, $2)
            ON CONFLICT (key) DO UPDATE SET processed = true, expires_at = excluded.expires_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() + ttl });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"DELETE FROM {TableName} WHERE key = $1 AND NOT processed");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"DELETE FROM {TableName} WHERE expires_at <= $1");
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
