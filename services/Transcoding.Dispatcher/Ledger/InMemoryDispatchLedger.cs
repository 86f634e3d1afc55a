namespace Transcoding.Dispatcher.Ledger;

/// <summary>The ledger of a single process (<c>make run</c>, tests): lost on restart.</summary>
/// <param name="retention">How long an attempt is kept after its last write (<see cref="DispatchLedgerOptions.Retention"/>).</param>
public sealed class InMemoryDispatchLedger(TimeProvider time, TimeSpan retention) : IDispatchLedger
{
    private readonly Dictionary<(Guid, int), Entry> _entries = [];
    private readonly Lock _lock = new();

    public Task<DispatchClaim> ClaimAsync(Guid mediaId, int attempt, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_entries.TryGetValue((mediaId, attempt), out var entry))
            {
                if (entry.JobId is not null)
                {
                    return Task.FromResult(DispatchClaim.Submitted(entry.JobId, entry.Cancelled));
                }

                if (entry.Cancelled)
                {
                    return Task.FromResult(DispatchClaim.CancelledBeforeSubmission);
                }

                if (now - entry.ClaimedAt < lease)
                {
                    return Task.FromResult(DispatchClaim.Busy);
                }
            }

            _entries[(mediaId, attempt)] = new Entry(now, null, false, now);
            return Task.FromResult(DispatchClaim.Claimed);
        }
    }

    public Task<bool> RecordJobAsync(Guid mediaId, int attempt, string jobId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var cancelled = _entries.TryGetValue((mediaId, attempt), out var entry) && entry.Cancelled;
            _entries[(mediaId, attempt)] = new Entry(now, jobId, cancelled, now);
            return Task.FromResult(cancelled);
        }
    }

    public Task ReleaseAsync(Guid mediaId, int attempt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue((mediaId, attempt), out var entry) && entry is { JobId: null, Cancelled: false })
            {
                _entries.Remove((mediaId, attempt));
            }
        }

        return Task.CompletedTask;
    }

    public Task<string?> FindJobIdAsync(Guid mediaId, int attempt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_entries.TryGetValue((mediaId, attempt), out var entry) ? entry.JobId : null);
        }
    }

    public Task<string?> CancelAsync(Guid mediaId, int attempt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var entry = _entries.TryGetValue((mediaId, attempt), out var known) ? known : new Entry(now, null, false, now);
            // The first cancel is the write that counts, as cancelled_at in PostgreSQL.
            _entries[(mediaId, attempt)] = entry.Cancelled ? entry : entry with { Cancelled = true, WrittenAt = now };
            return Task.FromResult(entry.JobId);
        }
    }

    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - retention;
        lock (_lock)
        {
            var expired = _entries.Where(pair => pair.Value.WrittenAt < cutoff).Select(pair => pair.Key).ToList();
            expired.ForEach(key => _entries.Remove(key));
            return Task.FromResult(expired.Count);
        }
    }

    private sealed record Entry(DateTimeOffset ClaimedAt, string? JobId, bool Cancelled, DateTimeOffset WrittenAt);
}
