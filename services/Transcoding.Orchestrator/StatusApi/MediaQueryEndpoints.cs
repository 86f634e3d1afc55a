using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Transcoding.Orchestrator.Queries;

namespace Transcoding.Orchestrator.StatusApi;

/// <summary><c>GET /media</c> and <c>GET /media/stats</c>, in the status API's <c>/media</c> group (its filters and
/// policies apply). The literal <c>stats</c> segment outranks <c>/media/{id}</c> in routing.</summary>
public static class MediaQueryEndpoints
{
    public static RouteGroupBuilder MapMediaQueries(this RouteGroupBuilder media)
    {
        media.MapGet("", ListMedia).WithName("ListMedia")
            .WithSummary("Media items, newest first, a page at a time")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .AddOpenApiOperationTransformer(MediaQueryOpenApi.DescribeList);
        media.MapGet("/stats", GetMediaStats).WithName("GetMediaStats")
            .WithSummary("Counts by state, throughput, failures by code, stuck items and GPU usage over a window")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .AddOpenApiOperationTransformer(MediaQueryOpenApi.DescribeStats);
        return media;
    }

    private static async Task<Results<Ok<MediaPage>, ProblemHttpResult>> ListMedia(
        IMediaQueries queries,
        HttpRequest request,
        CancellationToken cancellationToken,
        [Description("uploaded, transcoding, ready or failed")] string? state = null,
        [Description("a failure code (failed items only), e.g. source_unreadable")] string? code = null,
        [Description("ISO 8601 time with an offset: items whose last transition is at or after it")] string? updatedSince = null,
        [Description("items per page, 1 to 200 (default 50)")] string? limit = null,
        [Description("nextCursor of the previous page, as given")] string? cursor = null)
    {
        if (MediaQueryParameters.AnyRepeated(request.Query))
        {
            return Invalid(MediaQueryParameters.Repeated);
        }

        var (query, error) = MediaQueryParameters.List(state, code, updatedSince, limit, cursor);
        return query is null ? Invalid(error!) : TypedResults.Ok(await queries.ListAsync(query, cancellationToken));
    }

    private static async Task<Results<Ok<MediaStats>, ProblemHttpResult>> GetMediaStats(
        IMediaQueries queries,
        HttpRequest request,
        CancellationToken cancellationToken,
        [Description("ISO 8601 duration ending now (PT1H, P1D; default P1D, at most P30D)")] string? window = null)
    {
        if (MediaQueryParameters.AnyRepeated(request.Query))
        {
            return Invalid(MediaQueryParameters.Repeated);
        }

        var (span, error) = MediaQueryParameters.Window(window);
        return span is null ? Invalid(error!) : TypedResults.Ok(await queries.StatsAsync(span.Value, cancellationToken));
    }

    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid query parameter");
}
