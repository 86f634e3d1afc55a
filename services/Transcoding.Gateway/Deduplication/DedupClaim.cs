namespace Transcoding.Gateway.Deduplication;

public enum DedupClaim
{
    /// <summary>This caller may publish; it must then mark the key processed or release it.</summary>
    Claimed,

    /// <summary>Published before and still remembered: answer success, publish nothing.</summary>
    AlreadyProcessed,

    /// <summary>Another request holds a live claim on the same key: the sender should retry later.</summary>
    InFlight,
}
