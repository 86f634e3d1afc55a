using System.Threading.Channels;
using Transcoding.Orchestrator.Queries;
using Transcoding.Orchestrator.Saga;
using static Transcoding.Orchestrator.Tests.Queries.MediaQueryTable;

namespace Transcoding.Orchestrator.Tests.Queries;

/// <summary>
/// The behaviour table of <see cref="IMediaQueries"/>, run as it is on each store (<see cref="On_PostgreSQL"/>,
/// <see cref="On_the_in_memory_saga_store"/>): the list's filters and order, paging, and every stats figure against the
/// figures counted by hand from <see cref="MediaQueryTable"/>.
/// </summary>
public abstract class MediaQueryBehaviour : IAsyncLifetime
{
    private IMediaQueryStore _store = null!;

    protected abstract Task<IMediaQueryStore> CreateStoreAsync(DateTimeOffset now);

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync(Now);
        await _store.AddAsync(All);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private IMediaQueries Queries => _store.Queries;

    public static TheoryData<string?, string?, int?, TranscodeState[]> Filters => new()
    {
        { null, null, null, [.. NewestFirst] },
        { MediaStates.Failed, null, null, [F1, F2, F3, F4, F6, F7, F5] },
        { MediaStates.Transcoding, null, null, [T1, T2, T3] },
        { MediaStates.Uploaded, null, null, [Uploaded] },
        { MediaStates.Failed, "source_unreadable", null, [F1, F2, F3, F4] },
        { null, "worker_crashed", null, [F6, F5] },
        { null, null, 60, [Uploaded, T1, T2, R1, F4] },
        { MediaStates.Failed, null, 24 * 60, [F1, F2, F3, F4, F6, F7] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task When_the_list_is_filtered_it_returns_exactly_the_matching_items_newest_first(
        string? state, string? code, int? updatedWithinMinutes, TranscodeState[] expected)
    {
        var page = await Queries.ListAsync(
            new MediaListQuery(state, code, Now - TimeSpan.FromMinutes(updatedWithinMinutes ?? 1_000_000), MediaListQuery.MaxLimit, null),
            CancellationToken.None);

        Assert.Equal(Ids(expected), page.Items.Select(i => i.MediaId));
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task When_an_item_is_listed_its_summary_carries_the_saga_figures()
    {
        var page = await Queries.ListAsync(new MediaListQuery(null, "source_unreadable", null, 1, null), CancellationToken.None);

        var item = Assert.Single(page.Items);
        Assert.Equal(
            new MediaSummary(F1.CorrelationId, MediaStates.Failed, "source_unreadable", 1, 2, 0, F1.SourceKey, F1.UploadedAt, F1.CreatedAt, F1.UpdatedAt),
            item);
        Assert.NotNull(page.NextCursor);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    public async Task When_the_list_is_walked_page_by_page_every_item_comes_once_in_order(int limit)
    {
        var walked = await WalkAsync(limit, onPage: _ => Task.CompletedTask);

        Assert.Equal(Ids(NewestFirst), walked);
    }

    /// <summary>Items created during the walk (newer ones, and ones at the very instant of the page boundary, on both
    /// sides of the cursor's id) never make an item present before it come twice or be missed.</summary>
    [Fact]
    public async Task When_items_are_added_during_a_walk_every_earlier_item_comes_exactly_once_and_none_twice()
    {
        var pages = Channel.CreateUnbounded<MediaCursor>();
        var inserted = Channel.CreateUnbounded<int>();
        var before = Ids(NewestFirst).ToHashSet();
        var inserter = Task.Run(async () =>
        {
            var number = 1000;
            await foreach (var cursor in pages.Reader.ReadAllAsync())
            {
                var ties = Enumerable.Range(0, 2).Select(_ => Row(++number, "Transcoding", created: Now - cursor.CreatedAt, updated: TimeSpan.Zero)).ToList();
                ties.Add(Row(++number, "Transcoding", created: TimeSpan.FromSeconds(-number), updated: TimeSpan.Zero));
                // A random id lands on either side of the cursor's id at the same instant.
                ties.ForEach(t => t.CorrelationId = Guid.NewGuid());
                await _store.AddAsync(ties);
                await inserted.Writer.WriteAsync(ties.Count);
            }
        });

        var walked = await WalkAsync(2, async last =>
        {
            await pages.Writer.WriteAsync(last);
            await inserted.Reader.ReadAsync();
        });
        pages.Writer.Complete();
        await inserter;

        Assert.Empty(walked.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(Ids(NewestFirst), walked.Where(before.Contains));
    }

    [Fact]
    public async Task When_stats_are_asked_for_a_day_every_figure_matches_the_rows()
    {
        var stats = await Queries.StatsAsync(TimeSpan.FromDays(1), CancellationToken.None);

        Assert.Equal(("P1D", Now - TimeSpan.FromDays(1)), (stats.Window, stats.Since));
        Assert.Equal(new MediaStateCounts(Uploaded: 1, Transcoding: 3, Ready: 5, Failed: 7), stats.CountsByState);
        Assert.Equal(new MediaFinishedCounts(Ready: 4, Failed: 6), stats.Finished);
        Assert.Equal(
            [("source_unreadable", 4L, Text(F4, F2, F3)), ("cancelled", 1L, Text(F7)), ("worker_crashed", 1L, Text(F6))],
            stats.FailuresByCode.Select(g => (g.Code, g.Count, Text(g.Examples))));
        Assert.Equal((2L, Text(T3, T2)), (stats.Stuck.Count, Text(stats.Stuck.Examples)));
        Assert.Equal((21.0, 0.0040m), (stats.GpuSeconds, stats.EstimatedCostUsd));
    }

    [Fact]
    public async Task When_stats_are_asked_for_an_hour_only_what_happened_in_it_is_counted()
    {
        var stats = await Queries.StatsAsync(TimeSpan.FromHours(1), CancellationToken.None);

        Assert.Equal("PT1H", stats.Window);
        Assert.Equal(new MediaStateCounts(1, 3, 5, 7), stats.CountsByState);
        Assert.Equal(new MediaFinishedCounts(Ready: 1, Failed: 1), stats.Finished);
        Assert.Equal([("source_unreadable", 1L, Text(F4))], stats.FailuresByCode.Select(g => (g.Code, g.Count, Text(g.Examples))));
        Assert.Equal((2L, Text(T3, T2)), (stats.Stuck.Count, Text(stats.Stuck.Examples)));
        Assert.Equal((12.0, 0.0024m), (stats.GpuSeconds, stats.EstimatedCostUsd));
    }

    [Fact]
    public async Task When_time_passes_a_transcoding_item_becomes_stuck_at_its_deadline()
    {
        _store.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromTicks(10));

        var stats = await Queries.StatsAsync(TimeSpan.FromDays(1), CancellationToken.None);

        Assert.Equal((3L, Text(T3, T2, T1)), (stats.Stuck.Count, Text(stats.Stuck.Examples)));
    }

    private const int MaxWalk = 1000;

    private async Task<List<Guid>> WalkAsync(int limit, Func<MediaCursor, Task> onPage)
    {
        var walked = new List<Guid>();
        MediaCursor? after = null;
        while (true)
        {
            var page = await Queries.ListAsync(new MediaListQuery(null, null, null, limit, after), CancellationToken.None);
            Assert.InRange(page.Items.Count, 0, limit);
            walked.AddRange(page.Items.Select(i => i.MediaId));
            // A cursor that does not move past its item would page forever: fail instead of hanging.
            Assert.True(walked.Count <= MaxWalk, $"the walk passed {MaxWalk} items without ending: a page repeats");
            if (page.NextCursor is null)
            {
                return walked;
            }

            Assert.True(MediaCursor.TryDecode(page.NextCursor, out var next));
            after = next;
            await onPage(next);
        }
    }

    private static Guid[] Ids(params IEnumerable<TranscodeState> sagas) => [.. sagas.Select(s => s.CorrelationId)];

    /// <summary>Ids as one comparable text (tuples compare arrays by reference).</summary>
    private static string Text(params IEnumerable<TranscodeState> sagas) => Text(Ids(sagas));

    private static string Text(IEnumerable<Guid> ids) => string.Join(' ', ids);
}
