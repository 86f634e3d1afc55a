namespace Transcoding.Dispatcher.Ledger;

/// <summary>
/// Remembers which RunPod job each attempt got, so a redelivered <c>DispatchTranscode</c> never submits a second job.
/// A delivery first claims the attempt; only the claimant submits, then records the job id.
/// </summary>
public interface IDispatchLedger
{
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Claims the attempt for submission unless it has a job id or a claim younger than <paramref name="lease"/>.</summary>
    Task<DispatchClaim> ClaimAsync(Guid mediaId, int attempt, TimeSpan lease, CancellationToken cancellationToken);

    Task RecordJobAsync(Guid mediaId, int attempt, string jobId, CancellationToken cancellationToken);

    /// <summary>Gives a claim up when no job was submitted, so a later delivery may try again.</summary>
    Task ReleaseAsync(Guid mediaId, int attempt, CancellationToken cancellationToken);

    Task<string?> FindJobIdAsync(Guid mediaId, int attempt, CancellationToken cancellationToken);
}
