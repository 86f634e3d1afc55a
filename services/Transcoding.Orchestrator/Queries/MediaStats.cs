namespace Transcoding.Orchestrator.Queries;

/// <summary>
/// <c>GET /media/stats</c>: <see cref="Window"/> as asked (ISO 8601 duration) and <see cref="Since"/> = now minus it.
/// <see cref="CountsByState"/> counts every item now; <see cref="Finished"/> the items that reached ready or failed
/// inside the window and are still there (throughput); <see cref="FailuresByCode"/> the items that failed inside the
/// window, by code, most frequent first; <see cref="Stuck"/> the transcoding items past their attempt deadline now;
/// <see cref="GpuSeconds"/> and <see cref="EstimatedCostUsd"/> (null when no attempt in it has a price) the attempts
/// RunPod's figures were recorded for inside the window (<c>TranscodeAttempt.MeasuredAt</c>).
/// </summary>
public sealed record MediaStats(
    string Window,
    DateTimeOffset Since,
    MediaStateCounts CountsByState,
    MediaFinishedCounts Finished,
    IReadOnlyList<FailureCodeGroup> FailuresByCode,
    StuckMedia Stuck,
    double GpuSeconds,
    decimal? EstimatedCostUsd)
{
    /// <summary>Ids given as examples of one failure code, newest failure first. Codes of equal counts are in ordinal order.</summary>
    public const int FailureExamples = 3;

    /// <summary>Ids given as examples of stuck items, longest past its deadline first.</summary>
    public const int StuckExamples = 5;
}
