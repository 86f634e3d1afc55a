using Transcoding.Messaging.Postgres.Leases;

namespace Transcoding.Dispatcher.Ledger;

/// <summary>
/// Remembers which RunPod job each attempt got, so a redelivered <c>DispatchTranscode</c> never submits a second job,
/// and which attempts were cancelled, so a cancel that overtakes the dispatch still stops the job. A delivery first
/// claims the attempt; only the claimant submits, then records the job id. An attempt is forgotten
/// <see cref="DispatchLedgerOptions.Retention"/> after its last write (<see cref="IExpiringStore.PurgeExpiredAsync"/>).
/// </summary>
/// <remarks>
/// The cancel race: <see cref="CancelAsync"/> and <see cref="RecordJobAsync"/> each see what the other wrote before
/// them (one row, written under its lock), so either the cancel finds the job id and cancels it, or the dispatch learns
/// of the cancel when it records the job and cancels it at once; a cancel before the claim makes the claim
/// <see cref="DispatchClaimStatus.Cancelled"/> and nothing is submitted.
/// </remarks>
public interface IDispatchLedger : IExpiringStore
{
    /// <summary>Claims the attempt for submission unless it has a job id, was cancelled, or has a claim younger than <paramref name="lease"/>.</summary>
    Task<DispatchClaim> ClaimAsync(Guid mediaId, int attempt, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records the submitted job; true when the attempt was cancelled meanwhile (the caller cancels the job).</summary>
    Task<bool> RecordJobAsync(Guid mediaId, int attempt, string jobId, CancellationToken cancellationToken);

    /// <summary>Gives a claim up when no job was submitted, so a later delivery may try again; a cancelled attempt stays cancelled.</summary>
    Task ReleaseAsync(Guid mediaId, int attempt, CancellationToken cancellationToken);

    Task<string?> FindJobIdAsync(Guid mediaId, int attempt, CancellationToken cancellationToken);

    /// <summary>Marks the attempt cancelled (for good) and returns its job id, null when none was recorded yet.</summary>
    Task<string?> CancelAsync(Guid mediaId, int attempt, CancellationToken cancellationToken);
}
