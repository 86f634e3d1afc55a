namespace Transcoding.Gateway.Deduplication;

/// <summary>One-process store for <c>make run</c> and tests; forgets everything on restart.</summary>
public sealed class InMemoryWebhookDeduplicator(TimeProvider time) : IWebhookDeduplicator
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<DedupClaim> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > now)
            {
                return Task.FromResult(entry.Processed ? DedupClaim.AlreadyProcessed : DedupClaim.InFlight);
            }

            _entries[key] = new Entry(false, now + lease);
            return Task.FromResult(DedupClaim.Claimed);
        }
    }

    public Task<bool> IsProcessedAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return Task.FromResult(_entries.TryGetValue(key, out var entry) && entry.Processed && entry.ExpiresAt > now);
        }
    }

    public Task MarkProcessedAsync(string key, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var expiresAt = time.GetUtcNow() + ttl;
        lock (_gate)
        {
            _entries[key] = new Entry(true, expiresAt);
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && !entry.Processed)
            {
                _entries.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var expired = _entries.Where(pair => pair.Value.ExpiresAt <= now).Select(pair => pair.Key).ToList();
            expired.ForEach(key => _entries.Remove(key));
            return Task.FromResult(expired.Count);
        }
    }

    private readonly record struct Entry(bool Processed, DateTimeOffset ExpiresAt);
}
