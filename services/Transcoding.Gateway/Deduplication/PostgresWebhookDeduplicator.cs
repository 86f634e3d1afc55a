using Npgsql;
using Transcoding.Messaging.Postgres.Leases;

namespace Transcoding.Gateway.Deduplication;

/// <summary>
/// Dedup records in PostgreSQL (<see cref="TableName"/>, created by <see cref="WebhookDeliveryDbContext"/>'s
/// migration), shared by every gateway instance. A record's <c>expires_at</c> is its claim's lease while unprocessed
/// and its time to live once processed; past it, the key is forgotten, claimable again and purged.
/// </summary>
public sealed class PostgresWebhookDeduplicator(NpgsqlDataSource dataSource, TimeProvider time) : IWebhookDeduplicator, IAsyncDisposable
{
    public const string TableName = "gateway_webhook_deliveries";

    private static readonly LeaseTable<string> Table = new(
        TableName,
        ["key"],
        key => [new NpgsqlParameter<string> { TypedValue = key }],
        // Insert a claim, or take over a record whose time ran out; a live record makes the statement return nothing.
        Claim: new LeaseWrite(
            [("processed", "false"), ("expires_at", "@now + @lease")],
            "processed = false, expires_at = EXCLUDED.expires_at",
            When: $"{TableName}.expires_at <= @now"),
        Unfinished: "NOT processed",
        Expired: "expires_at <= @now");

    private static readonly LeaseWrite MarkProcessed = new(
        [("processed", "true"), ("expires_at", "@now + @ttl")],
        "processed = true, expires_at = EXCLUDED.expires_at");

    private readonly PostgresLeaseStore<string> _store = new(dataSource, Table, time);

    public async Task<DedupClaim> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (await _store.TryClaimAsync(key, lease, cancellationToken))
        {
            return DedupClaim.Claimed;
        }

        return await IsProcessedAsync(key, cancellationToken) ? DedupClaim.AlreadyProcessed : DedupClaim.InFlight;
    }

    public Task<bool> IsProcessedAsync(string key, CancellationToken cancellationToken) =>
        _store.ReadAsync(key, "processed AND expires_at > @now", row => row.GetBoolean(0), cancellationToken);

    public Task MarkProcessedAsync(string key, TimeSpan ttl, CancellationToken cancellationToken) =>
        _store.WriteAsync<bool>(key, MarkProcessed, cancellationToken, new NpgsqlParameter<TimeSpan>("ttl", ttl));

    public Task ReleaseAsync(string key, CancellationToken cancellationToken) => _store.ReleaseAsync(key, cancellationToken);

    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken) => _store.PurgeExpiredAsync(cancellationToken);

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
