using System.Xml;
using MassTransit;
using MassTransit.Saga;
using Transcoding.Orchestrator.Saga;

namespace Transcoding.Orchestrator.Queries;

/// <summary>
/// The list and stats on MassTransit's in-memory saga repository (<c>make run</c>, <c>make up</c>): every instance is
/// read (the store holds one process's items) and filtered, ordered and counted by the same rules as
/// <see cref="MediaQuerySql"/>. Ids order as PostgreSQL orders uuids (their text), so both stores page alike. An
/// instance whose first step is still running (not yet in a state of <see cref="MediaStates"/>) is left out, as the
/// database would not show it before the step commits.
/// </summary>
public sealed class InMemoryMediaQueries(IQuerySagaRepository<TranscodeState> sagas, ILoadSagaRepository<TranscodeState> load, TimeProvider time) : IMediaQueries
{
    private static readonly HashSet<string> StoredStates =
        [.. new[] { MediaStates.Uploaded, MediaStates.Transcoding, MediaStates.Ready, MediaStates.Failed }.Select(TranscodeStateMachine.CurrentStateOf)];

    public async Task<MediaPage> ListAsync(MediaListQuery query, CancellationToken cancellationToken)
    {
        var items = (await AllAsync())
            .Select(Summary)
            .Where(s => query.State is null || s.State == query.State)
            .Where(s => query.FailureCode is null || s.FailureCode == query.FailureCode)
            .Where(s => query.UpdatedSince is null || s.UpdatedAt >= query.UpdatedSince)
            .Where(s => query.After is not { } after || Compare(s.Key, after) < 0)
            .OrderByDescending(s => s.Key, Comparer<MediaCursor>.Create(Compare))
            .Take(query.Limit + 1)
            .ToList();
        return MediaPage.Of(items, query.Limit);
    }

    public async Task<MediaStats> StatsAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now - window;
        var all = await AllAsync();
        long Count(string state, Func<TranscodeState, bool>? also = null) =>
            all.Count(s => TranscodeStateMachine.StateOf(s) == state && (also is null || also(s)));
        bool InWindow(TranscodeState saga) => saga.UpdatedAt >= since;

        var failures = all
            .Where(s => TranscodeStateMachine.StateOf(s) == MediaStates.Failed && InWindow(s))
            .GroupBy(s => s.FailureCode ?? "")
            .Select(g => new FailureCodeGroup(g.Key, g.Count(), [.. g
                .OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.CorrelationId.ToString(), StringComparer.Ordinal)
                .Take(MediaStats.FailureExamples)
                .Select(s => s.CorrelationId)]))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Code, StringComparer.Ordinal)
            .ToList();
        var stuck = all
            .Where(s => TranscodeStateMachine.StateOf(s) == MediaStates.Transcoding && s.DeadlineAt < now)
            .OrderBy(s => s.DeadlineAt).ThenBy(s => s.CorrelationId.ToString(), StringComparer.Ordinal)
            .ToList();
        var measured = all.SelectMany(s => s.Attempts).Where(a => a.MeasuredAt >= since).ToList();
        return new MediaStats(
            XmlConvert.ToString(window),
            since,
            new MediaStateCounts(Count(MediaStates.Uploaded), Count(MediaStates.Transcoding), Count(MediaStates.Ready), Count(MediaStates.Failed)),
            new MediaFinishedCounts(Count(MediaStates.Ready, InWindow), Count(MediaStates.Failed, InWindow)),
            failures,
            new StuckMedia(stuck.Count, [.. stuck.Take(MediaStats.StuckExamples).Select(s => s.CorrelationId)]),
            measured.Sum(a => a.ExecutionTimeMs ?? 0) / 1000.0,
            measured.Any(a => a.EstimatedCostUsd is not null) ? measured.Sum(a => a.EstimatedCostUsd ?? 0) : null);
    }

    /// <summary>(createdAt, id) ascending, ids by their text: PostgreSQL's row comparison of the same key.</summary>
    private static int Compare(MediaCursor left, MediaCursor right)
    {
        var byTime = left.CreatedAt.CompareTo(right.CreatedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(left.MediaId.ToString(), right.MediaId.ToString());
    }

    private static MediaSummary Summary(TranscodeState saga) => new(
        saga.CorrelationId,
        TranscodeStateMachine.StateOf(saga),
        saga.FailureCode,
        saga.Attempt,
        saga.MaxAttempts,
        saga.Progress,
        saga.SourceKey,
        saga.UploadedAt,
        saga.CreatedAt,
        saga.UpdatedAt);

    private async Task<List<TranscodeState>> AllAsync()
    {
        var found = new List<TranscodeState>();
        foreach (var id in await sagas.Find(new SagaQuery<TranscodeState>(_ => true)))
        {
            if (await load.Load(id) is { } saga && StoredStates.Contains(saga.CurrentState))
            {
                found.Add(saga);
            }
        }

        return found;
    }
}
