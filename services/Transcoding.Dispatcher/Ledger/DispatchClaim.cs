namespace Transcoding.Dispatcher.Ledger;

public enum DispatchClaimStatus
{
    /// <summary>This delivery owns the attempt and must submit the job.</summary>
    Claimed,

    /// <summary>The attempt already has a job: <see cref="DispatchClaim.JobId"/>.</summary>
    Submitted,

    /// <summary>Another delivery is submitting right now.</summary>
    Busy,
}

public sealed record DispatchClaim(DispatchClaimStatus Status, string? JobId = null)
{
    public static readonly DispatchClaim Claimed = new(DispatchClaimStatus.Claimed);
    public static readonly DispatchClaim Busy = new(DispatchClaimStatus.Busy);

    public static DispatchClaim Submitted(string jobId) => new(DispatchClaimStatus.Submitted, jobId);
}
