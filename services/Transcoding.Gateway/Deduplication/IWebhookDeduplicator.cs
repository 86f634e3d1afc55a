using Transcoding.Messaging.Postgres.Leases;

namespace Transcoding.Gateway.Deduplication;

/// <summary>
/// Remembers which deliveries were published, for a time to live. A delivery is claimed before its publish (so two
/// concurrent copies cannot both publish) and marked processed only after the broker confirmed it; a failed publish
/// releases the claim, and a claim left by a crashed process lapses after its lease, so the delivery stays retryable.
/// <see cref="IExpiringStore.PurgeExpiredAsync"/> deletes expired records and lapsed claims, returning how many.
/// </summary>
public interface IWebhookDeduplicator : IExpiringStore
{
    Task<DedupClaim> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken);

    Task<bool> IsProcessedAsync(string key, CancellationToken cancellationToken);

    /// <summary>Records the key as processed for <paramref name="ttl"/>, whether or not it was claimed first.</summary>
    Task MarkProcessedAsync(string key, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Drops an unfinished claim; a processed record is kept.</summary>
    Task ReleaseAsync(string key, CancellationToken cancellationToken);
}
