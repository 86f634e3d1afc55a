namespace Transcoding.Orchestrator.Queries;

/// <summary>Items that reached ready, or failed, inside the stats window (and are still there).</summary>
public sealed record MediaFinishedCounts(long Ready, long Failed);
