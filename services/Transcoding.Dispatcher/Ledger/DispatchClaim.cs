namespace Transcoding.Dispatcher.Ledger;

public enum DispatchClaimStatus
{
    /// <summary>This delivery owns the attempt and must submit the job.</summary>
    Claimed,

    /// <summary>The attempt already has a job: <see cref="DispatchClaim.JobId"/>.</summary>
    Submitted,

    /// <summary>Another delivery is submitting right now.</summary>
    Busy,

    /// <summary>The attempt was cancelled before any job was submitted: none ever will be.</summary>
    Cancelled,
}

/// <param name="Cancelled">With <see cref="DispatchClaimStatus.Submitted"/>: the attempt was cancelled too, so its job must be cancelled.</param>
public sealed record DispatchClaim(DispatchClaimStatus Status, string? JobId = null, bool Cancelled = false)
{
    public static readonly DispatchClaim Claimed = new(DispatchClaimStatus.Claimed);
    public static readonly DispatchClaim Busy = new(DispatchClaimStatus.Busy);
    public static readonly DispatchClaim CancelledBeforeSubmission = new(DispatchClaimStatus.Cancelled, Cancelled: true);

    public static DispatchClaim Submitted(string jobId, bool cancelled = false) => new(DispatchClaimStatus.Submitted, jobId, cancelled);
}
