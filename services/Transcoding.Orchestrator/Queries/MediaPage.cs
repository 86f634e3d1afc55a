namespace Transcoding.Orchestrator.Queries;

/// <summary>A page of <c>GET /media</c>: the items, and the cursor of the next page (null when this is the last).</summary>
public sealed record MediaPage(IReadOnlyList<MediaSummary> Items, string? NextCursor)
{
    /// <summary>The page of <paramref name="limit"/> items out of <paramref name="fetched"/>, read with one item more than
    /// the limit so a next page is announced only when it has an item.</summary>
    public static MediaPage Of(IReadOnlyList<MediaSummary> fetched, int limit) =>
        fetched.Count > limit ? new MediaPage([.. fetched.Take(limit)], fetched[limit - 1].Key.Encode()) : new MediaPage(fetched, null);
}
