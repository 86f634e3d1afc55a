using System.Collections.Concurrent;

namespace Transcoding.Dispatcher.Ledger;

/// <summary>
/// Job ids RunPod gave that the ledger could not record because the database stayed down longer than
/// <c>DatabaseOutageRetry.Intervals</c>, keyed by <c>(media id, attempt)</c>, in this process only. A later delivery of
/// the attempt here records the kept id instead of submitting a second job, and a poll asks RunPod about it. Kept rather
/// than cancelled: a cancelled job ends CANCELLED, which RunPod's webhook reports as the attempt's transient failure, so
/// the saga would spend the item's second GPU job on an automatic retry. A dispatcher that dies meanwhile loses the id
/// (the claim then expires and the attempt is submitted again): nothing survives a crash while the database is down.
/// </summary>
public sealed class UnrecordedJobs
{
    private readonly ConcurrentDictionary<(Guid MediaId, int Attempt), string> _jobs = new();

    public void Keep(Guid mediaId, int attempt, string jobId) => _jobs[(mediaId, attempt)] = jobId;

    /// <summary>The kept job id, null when none.</summary>
    public string? Find(Guid mediaId, int attempt) => _jobs.TryGetValue((mediaId, attempt), out var jobId) ? jobId : null;

    /// <summary>Called once the id is in the ledger.</summary>
    public void Forget(Guid mediaId, int attempt) => _jobs.TryRemove((mediaId, attempt), out _);
}
