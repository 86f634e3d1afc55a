using Npgsql;

namespace Transcoding.Messaging.Postgres.Leases;

/// <summary>
/// Keys claimed with a lease in one PostgreSQL table, shared by every instance of a service. A caller claims a key
/// before it acts (of concurrent callers exactly one wins), then completes it with its role's own write (a job id, a
/// processed mark) or releases it when it gave up; a claim whose holder crashed lapses after its lease, and a purge
/// deletes what the role calls expired. <see cref="LeaseTable{TKey}"/> says what each of these means for the table.
/// </summary>
/// <remarks>
/// Plain SQL rather than EF Core: a claim must be one <c>INSERT … ON CONFLICT … DO UPDATE … WHERE … RETURNING</c>
/// statement to be atomic, which EF Core cannot express. Times come from <paramref name="time"/> (as <c>@now</c>), not
/// from the server, so expiry is testable with a fake clock; instances keep their clocks in step with NTP anyway.
/// </remarks>
public sealed class PostgresLeaseStore<TKey>(NpgsqlDataSource dataSource, LeaseTable<TKey> table, TimeProvider time) : IAsyncDisposable
{
    private readonly string _keyColumns = string.Join(", ", table.KeyColumns);
    private readonly string _keyParameters = string.Join(", ", table.KeyColumns.Select((_, index) => $"@k{index}"));
    private readonly string _keyMatch = string.Join(" AND ", table.KeyColumns.Select((column, index) => $"{column} = @k{index}"));

    /// <summary>True when the caller now holds the claim on <paramref name="key"/> (fragments see <c>@lease</c>, an interval).</summary>
    public Task<bool> TryClaimAsync(TKey key, TimeSpan lease, CancellationToken cancellationToken) =>
        WriteAsync<bool>(key, table.Claim, cancellationToken, new NpgsqlParameter<TimeSpan>("lease", lease));

    /// <summary>Runs <paramref name="write"/> on the key's row; its <see cref="LeaseWrite.Returning"/> value, default when no row was written or the value is NULL.</summary>
    public async Task<T?> WriteAsync<T>(TKey key, LeaseWrite write, CancellationToken cancellationToken, params NpgsqlParameter[] values)
    {
        var columns = string.Concat(write.Insert.Select(column => $", {column.Column}"));
        var inserted = string.Concat(write.Insert.Select(column => $", {column.Value}"));
        var when = write.When is null ? "" : $" WHERE {write.When}";
        await using var command = Command(
            $"""
            INSERT INTO {table.Name} ({_keyColumns}{columns}) VALUES ({_keyParameters}{inserted})
            ON CONFLICT ({_keyColumns}) DO UPDATE SET {write.Set}{when}
            RETURNING {write.Returning}
            """,
            key,
            values);
        return await command.ExecuteScalarAsync(cancellationToken) is T result ? result : default;
    }

    /// <summary>Reads <paramref name="columns"/> of the key's row with <paramref name="read"/>; default when there is no row.</summary>
    public async Task<T?> ReadAsync<T>(TKey key, string columns, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {columns} FROM {table.Name} WHERE {_keyMatch}", key, []);
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        return await row.ReadAsync(cancellationToken) ? read(row) : default;
    }

    /// <summary>Deletes the key's row if it is <see cref="LeaseTable{TKey}.Unfinished"/>, so the next caller claims at once.</summary>
    public async Task ReleaseAsync(TKey key, CancellationToken cancellationToken)
    {
        await using var command = Command($"DELETE FROM {table.Name} WHERE {_keyMatch} AND ({table.Unfinished})", key, []);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes every <see cref="LeaseTable{TKey}.Expired"/> row; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken, params NpgsqlParameter[] values)
    {
        await using var command = Command($"DELETE FROM {table.Name} WHERE {table.Expired}", [], values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private NpgsqlCommand Command(string sql, TKey key, NpgsqlParameter[] values) => Command(sql, table.KeyValues(key), values);

    private NpgsqlCommand Command(string sql, IReadOnlyList<NpgsqlParameter> keyValues, NpgsqlParameter[] values)
    {
        var command = dataSource.CreateCommand(sql);
        for (var index = 0; index < keyValues.Count; index++)
        {
            keyValues[index].ParameterName = $"k{index}";
            command.Parameters.Add(keyValues[index]);
        }

        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", time.GetUtcNow()));
        command.Parameters.AddRange(values);
        return command;
    }
}
