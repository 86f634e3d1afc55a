using Npgsql;

namespace Transcoding.Dispatcher.Ledger;

/// <summary>The ledger in PostgreSQL: one row per <c>(media_id, attempt)</c>, shared by every dispatcher instance.</summary>
public sealed class PostgresDispatchLedger(string connectionString, TimeProvider time) : IDispatchLedger, IAsyncDisposable
{
    // Its own data source, not one from DI: the all-in-one host may register others for other databases.
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        const string table = """
            CREATE TABLE IF NOT EXISTS dispatch_ledger (
                media_id      uuid        NOT NULL,
                attempt       integer     NOT NULL,
                job_id        text        NULL,
                claimed_at    timestamptz NOT NULL,
                dispatched_at timestamptz NULL,
                cancelled_at  timestamptz NULL,
                PRIMARY KEY (media_id, attempt)
            )
            """;

        // Tables created before cancellations were recorded get the column here.
        const string cancelledColumn = "ALTER TABLE dispatch_ledger ADD COLUMN IF NOT EXISTS cancelled_at timestamptz NULL";
        foreach (var sql in new[] { table, cancelledColumn })
        {
            try
            {
                await using var command = _dataSource.CreateCommand(sql);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateColumn)
            {
                // Another instance did the same at the same moment: IF NOT EXISTS is not atomic in PostgreSQL.
            }
        }
    }

    public async Task<DispatchClaim> ClaimAsync(Guid mediaId, int attempt, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        // One statement: insert a new claim, or take over an expired claim that never got a job id nor a cancel.
        const string claim = """
            INSERT INTO dispatch_ledger (media_id, attempt, claimed_at) VALUES ($1, $2, $3)
            ON CONFLICT (media_id, attempt) DO UPDATE SET claimed_at = EXCLUDED.claimed_at
                WHERE dispatch_ledger.job_id IS NULL AND dispatch_ledger.cancelled_at IS NULL AND dispatch_ledger.claimed_at < $4
            RETURNING 1
            """;
        await using (var command = _dataSource.CreateCommand(claim))
        {
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = mediaId });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempt });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now - lease });
            if (await command.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return DispatchClaim.Claimed;
            }
        }

        await using var state = _dataSource.CreateCommand("SELECT job_id, cancelled_at IS NOT NULL FROM dispatch_ledger WHERE media_id = $1 AND attempt = $2");
        state.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = mediaId });
        state.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempt });
        await using var row = await state.ExecuteReaderAsync(cancellationToken);
        if (!await row.ReadAsync(cancellationToken))
        {
            // Released between the two statements: the next delivery claims it.
            return DispatchClaim.Busy;
        }

        var (jobId, cancelled) = (await row.IsDBNullAsync(0, cancellationToken) ? null : row.GetString(0), row.GetBoolean(1));
        return (jobId, cancelled) switch
        {
            ({ } submitted, _) => DispatchClaim.Submitted(submitted, cancelled),
            (null, true) => DispatchClaim.CancelledBeforeSubmission,
            _ => DispatchClaim.Busy,
        };
    }

    public async Task<bool> RecordJobAsync(Guid mediaId, int attempt, string jobId, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO dispatch_ledger (media_id, attempt, job_id, claimed_at, dispatched_at) VALUES ($1, $2, $3, $4, $4)
            ON CONFLICT (media_id, attempt) DO UPDATE SET job_id = EXCLUDED.job_id, dispatched_at = EXCLUDED.dispatched_at
            RETURNING cancelled_at IS NOT NULL
            """;
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = mediaId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempt });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = jobId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public async Task<string?> CancelAsync(Guid mediaId, int attempt, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO dispatch_ledger (media_id, attempt, claimed_at, cancelled_at) VALUES ($1, $2, $3, $3)
            ON CONFLICT (media_id, attempt) DO UPDATE SET cancelled_at = COALESCE(dispatch_ledger.cancelled_at, EXCLUDED.cancelled_at)
            RETURNING job_id
            """;
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = mediaId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempt });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task ReleaseAsync(Guid mediaId, int attempt, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM dispatch_ledger WHERE media_id = $1 AND attempt = $2 AND job_id IS NULL AND cancelled_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = mediaId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempt });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<string?> FindJobIdAsync(Guid mediaId, int attempt, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT job_id FROM dispatch_ledger WHERE media_id = $1 AND attempt = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = mediaId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempt });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
