using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;
using Transcoding.ServiceDefaults;

namespace Transcoding.Orchestrator.StatusApi;

public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/media").WithTags("Media").AddEndpointFilter<DatabaseUnavailableFilter>();
        media.MapGet("/{id}", GetMedia).WithName("GetMedia");
        media.MapPost("/{id}/retry", RetryMedia).WithName("RetryMedia");
        media.MapPost("/{id}/cancel", CancelMedia).WithName("CancelMedia");
        return app;
    }

    private static async Task<Results<Ok<MediaStatus>, NotFound, BadRequest<string>>> GetMedia(string id, ILoadSagaRepository<TranscodeState> sagas)
    {
        if (!Guid.TryParse(id, out var mediaId))
        {
            return TypedResults.BadRequest(MalformedId);
        }

        var saga = await sagas.Load(mediaId);
        return saga is null ? TypedResults.NotFound() : TypedResults.Ok(saga.ToMediaStatus());
    }

    /// <summary><c>POST /media/{id}/retry</c>: 202, 404, or 409 outside <c>failed</c> or with the budget spent.</summary>
    private static Task<Results<Accepted, NotFound, Conflict<string>, BadRequest<string>>> RetryMedia(
        string id, OperatorRequest? request, ILoadSagaRepository<TranscodeState> sagas, IPublishEndpoint publish, CancellationToken cancellationToken) =>
        // Checked here to answer 409 synchronously; the saga checks again with the same rule, so a race cannot exceed the budget.
        RequestAsync(id, sagas, TranscodeTransitionRules.RetryRefusal, mediaId => publish.Publish(new RetryTranscode
        {
            MediaId = mediaId,
            RequestedBy = request?.RequestedBy ?? DefaultRequester,
            Reason = request?.Reason ?? "manual retry",
        }, cancellationToken));

    /// <summary><c>POST /media/{id}/cancel</c>: 202, 404, or 409 when the item is already ready or failed.</summary>
    private static Task<Results<Accepted, NotFound, Conflict<string>, BadRequest<string>>> CancelMedia(
        string id, OperatorRequest? request, ILoadSagaRepository<TranscodeState> sagas, IPublishEndpoint publish, CancellationToken cancellationToken) =>
        // The saga decides again with the same rule: a cancel that loses a race with the end of the job changes nothing.
        RequestAsync(id, sagas, TranscodeTransitionRules.CancelRefusal, mediaId => publish.Publish(new CancelMediaTranscode
        {
            MediaId = mediaId,
            RequestedBy = request?.RequestedBy ?? DefaultRequester,
            Reason = request?.Reason ?? "manual cancel",
        }, cancellationToken));

    private const string MalformedId = "The media id must be a GUID.";

    private const string DefaultRequester = "status-api";

    /// <summary>An operator's request about one item: 400 for a malformed id, 404 for an unknown item, 409 with the
    /// reason <paramref name="refusal"/> gives, else the command is published and 202 points at the item.</summary>
    private static async Task<Results<Accepted, NotFound, Conflict<string>, BadRequest<string>>> RequestAsync(
        string id, ILoadSagaRepository<TranscodeState> sagas, Func<TranscodeState, string?> refusal, Func<Guid, Task> publish)
    {
        if (!Guid.TryParse(id, out var mediaId))
        {
            return TypedResults.BadRequest(MalformedId);
        }

        var saga = await sagas.Load(mediaId);
        if (saga is null)
        {
            return TypedResults.NotFound();
        }

        if (refusal(saga) is { } reason)
        {
            return TypedResults.Conflict(reason);
        }

        await publish(mediaId);
        return TypedResults.Accepted($"/media/{mediaId}");
    }
}

/// <summary>The optional body of <c>POST /media/{id}/retry</c> and <c>/cancel</c>: who asked and why, kept in the history.</summary>
public sealed record OperatorRequest(string? RequestedBy, string? Reason);
