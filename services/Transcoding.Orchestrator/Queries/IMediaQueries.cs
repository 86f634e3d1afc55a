namespace Transcoding.Orchestrator.Queries;

/// <summary>
/// The media list and stats of the status API (<c>GET /media</c>, <c>GET /media/stats</c>), over whichever saga store
/// the orchestrator runs on: <see cref="PostgresMediaQueries"/> (indexed SQL) or <see cref="InMemoryMediaQueries"/>
/// (MassTransit's in-memory saga repository, <c>make run</c>). Both give the same answers for the same rows.
/// </summary>
public interface IMediaQueries
{
    /// <summary>Most <see cref="MediaListQuery.Limit"/> items matching the query, newest first by (createdAt, mediaId),
    /// strictly after <see cref="MediaListQuery.After"/>; <see cref="MediaPage.NextCursor"/> is null on the last page.</summary>
    Task<MediaPage> ListAsync(MediaListQuery query, CancellationToken cancellationToken);

    /// <summary>The figures of <see cref="MediaStats"/> now, over the window that ends now.</summary>
    Task<MediaStats> StatsAsync(TimeSpan window, CancellationToken cancellationToken);
}
