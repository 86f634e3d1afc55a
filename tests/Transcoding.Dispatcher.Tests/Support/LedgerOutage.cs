using System.Net.Sockets;
using Npgsql;
using Transcoding.Dispatcher.Ledger;

namespace Transcoding.Dispatcher.Tests.Support;

/// <summary>
/// A ledger whose job-id writes fail, while <see cref="Down"/>, the way Npgsql fails when PostgreSQL refuses
/// connections (a transient <see cref="NpgsqlException"/>); every other call reaches <paramref name="inner"/>.
/// For the outage longer than the in-process retry, which a real server would take over a minute to show.
/// </summary>
public sealed class LedgerOutage(IDispatchLedger inner) : IDispatchLedger
{
    private int _failedWrites;
    private volatile bool _down = true;

    public bool Down { get => _down; set => _down = value; }

    public int FailedWrites => Volatile.Read(ref _failedWrites);

    public Task<bool> RecordJobAsync(Guid mediaId, int attempt, string jobId, CancellationToken cancellationToken)
    {
        if (Down)
        {
            Interlocked.Increment(ref _failedWrites);
            throw new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
        }

        return inner.RecordJobAsync(mediaId, attempt, jobId, cancellationToken);
    }

    public Task<DispatchClaim> ClaimAsync(Guid mediaId, int attempt, TimeSpan lease, CancellationToken cancellationToken) =>
        inner.ClaimAsync(mediaId, attempt, lease, cancellationToken);

    public Task ReleaseAsync(Guid mediaId, int attempt, CancellationToken cancellationToken) => inner.ReleaseAsync(mediaId, attempt, cancellationToken);

    public Task<string?> FindJobIdAsync(Guid mediaId, int attempt, CancellationToken cancellationToken) =>
        inner.FindJobIdAsync(mediaId, attempt, cancellationToken);

    public Task<string?> CancelAsync(Guid mediaId, int attempt, CancellationToken cancellationToken) => inner.CancelAsync(mediaId, attempt, cancellationToken);

    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken) => inner.PurgeExpiredAsync(cancellationToken);
}
