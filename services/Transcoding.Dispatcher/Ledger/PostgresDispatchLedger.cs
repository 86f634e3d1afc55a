using Npgsql;
using Transcoding.Messaging.Postgres.Leases;

namespace Transcoding.Dispatcher.Ledger;

/// <summary>
/// The ledger in PostgreSQL: one row per <c>(media_id, attempt)</c> in <see cref="TableName"/> (created by
/// <see cref="DispatchLedgerDbContext"/>'s migration), shared by every dispatcher instance. A claim is a lease on the
/// row; recording a job id or a cancel ends it for good, and a row is purged <paramref name="retention"/> after its
/// last write.
/// </summary>
public sealed class PostgresDispatchLedger(string connectionString, TimeProvider time, TimeSpan retention) : IDispatchLedger, IAsyncDisposable
{
    public const string TableName = "dispatch_ledger";

    private static readonly LeaseTable<(Guid MediaId, int Attempt)> Table = new(
        TableName,
        ["media_id", "attempt"],
        key => [new NpgsqlParameter<Guid> { TypedValue = key.MediaId }, new NpgsqlParameter<int> { TypedValue = key.Attempt }],
        // Take over only an expired claim that never got a job id nor a cancel.
        Claim: new LeaseWrite(
            [("claimed_at", "@now")],
            "claimed_at = EXCLUDED.claimed_at",
            When: $"{TableName}.job_id IS NULL AND {TableName}.cancelled_at IS NULL AND {TableName}.claimed_at < @now - @lease"),
        Unfinished: "job_id IS NULL AND cancelled_at IS NULL",
        // claimed_at is never later than the other two; testing it too lets the purge use its index.
        Expired: "claimed_at < @now - @retention AND GREATEST(claimed_at, dispatched_at, cancelled_at) < @now - @retention");

    private static readonly LeaseWrite RecordJob = new(
        [("job_id", "@job_id"), ("claimed_at", "@now"), ("dispatched_at", "@now")],
        "job_id = EXCLUDED.job_id, dispatched_at = EXCLUDED.dispatched_at",
        Returning: "cancelled_at IS NOT NULL");

    private static readonly LeaseWrite Cancel = new(
        [("claimed_at", "@now"), ("cancelled_at", "@now")],
        $"cancelled_at = COALESCE({TableName}.cancelled_at, EXCLUDED.cancelled_at)",
        Returning: "job_id");

    // Its own data source, not one from DI: the all-in-one host may register others for other databases.
    private readonly PostgresLeaseStore<(Guid, int)> _store = new(NpgsqlDataSource.Create(connectionString), Table, time);

    public async Task<DispatchClaim> ClaimAsync(Guid mediaId, int attempt, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (await _store.TryClaimAsync((mediaId, attempt), lease, cancellationToken))
        {
            return DispatchClaim.Claimed;
        }

        var state = await _store.ReadAsync(
            (mediaId, attempt),
            "job_id, cancelled_at IS NOT NULL",
            row => (row.IsDBNull(0) ? null : row.GetString(0), row.GetBoolean(1)) switch
            {
                ({ } jobId, var cancelled) => DispatchClaim.Submitted(jobId, cancelled),
                (null, true) => DispatchClaim.CancelledBeforeSubmission,
                _ => DispatchClaim.Busy,
            },
            cancellationToken);

        // No row: released between the two statements, and the next delivery claims it.
        return state ?? DispatchClaim.Busy;
    }

    public Task<bool> RecordJobAsync(Guid mediaId, int attempt, string jobId, CancellationToken cancellationToken) =>
        _store.WriteAsync<bool>((mediaId, attempt), RecordJob, cancellationToken, new NpgsqlParameter<string>("job_id", jobId));

    public Task<string?> CancelAsync(Guid mediaId, int attempt, CancellationToken cancellationToken) =>
        _store.WriteAsync<string>((mediaId, attempt), Cancel, cancellationToken);

    public Task ReleaseAsync(Guid mediaId, int attempt, CancellationToken cancellationToken) =>
        _store.ReleaseAsync((mediaId, attempt), cancellationToken);

    public Task<string?> FindJobIdAsync(Guid mediaId, int attempt, CancellationToken cancellationToken) =>
        _store.ReadAsync((mediaId, attempt), "job_id", row => row.IsDBNull(0) ? null : row.GetString(0), cancellationToken);

    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken) =>
        _store.PurgeExpiredAsync(cancellationToken, new NpgsqlParameter<TimeSpan>("retention", retention));

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
