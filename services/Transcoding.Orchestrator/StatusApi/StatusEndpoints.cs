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
        return app;
    }

    private static async Task<Results<Ok<MediaStatus>, NotFound, BadRequest<string>>> GetMedia(string id, ILoadSagaRepository<TranscodeState> sagas)
    {
        if (!Guid.TryParse(id, out var mediaId))
        {
            return TypedResults.BadRequest("The media id must be a GUID.");
        }

        var saga = await sagas.Load(mediaId);
        return saga is null ? TypedResults.NotFound() : TypedResults.Ok(MediaStatus.From(saga));
    }

    private static async Task<Results<Accepted, NotFound, Conflict<string>, BadRequest<string>>> RetryMedia(
        string id, RetryRequest? request, ILoadSagaRepository<TranscodeState> sagas, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var mediaId))
        {
            return TypedResults.BadRequest("The media id must be a GUID.");
        }

        var saga = await sagas.Load(mediaId);
        if (saga is null)
        {
            return TypedResults.NotFound();
        }

        // Checked here to answer 409 synchronously; the saga checks again, so a race cannot exceed the budget.
        var state = TranscodeStateMachine.StateOf(saga);
        if (state != MediaStates.Failed)
        {
            return TypedResults.Conflict($"A retry is accepted only in state failed; the media item is {state}.");
        }

        if (!saga.HasAttemptsLeft)
        {
            return TypedResults.Conflict(TranscodeStateMachine.MaxAttemptsReached);
        }

        await publish.Publish(new RetryTranscode
        {
            MediaId = mediaId,
            RequestedBy = request?.RequestedBy ?? "status-api",
            Reason = request?.Reason ?? "manual retry",
        }, cancellationToken);
        return TypedResults.Accepted($"/media/{mediaId}");
    }
}

public sealed record RetryRequest(string? RequestedBy, string? Reason);
