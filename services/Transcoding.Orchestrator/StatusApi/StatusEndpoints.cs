using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Transcoding.Contracts;
using Transcoding.Orchestrator.Auth;
using Transcoding.Orchestrator.Playback;
using Transcoding.Orchestrator.Saga;
using Transcoding.ServiceDefaults;

namespace Transcoding.Orchestrator.StatusApi;

public static class StatusEndpoints
{
    /// <summary>
    /// The status API, playback and <c>GET /me</c>. Every route needs a <see cref="Roles.Reader"/> through the fallback
    /// policy (<see cref="AuthServiceCollectionExtensions.AddOrchestratorAuth"/>), so routes added to the group later are
    /// covered too; retry and cancel need an <see cref="Roles.Operator"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/media").WithTags("Media").AddEndpointFilter<DatabaseUnavailableFilter>();
        media.MapMediaQueries();
        media.MapGet("/{id}", GetMedia).WithName("GetMedia");
        media.MapPost("/{id}/retry", RetryMedia).WithName("RetryMedia").RequireAuthorization(Roles.Operator);
        media.MapPost("/{id}/cancel", CancelMedia).WithName("CancelMedia").RequireAuthorization(Roles.Operator);
        app.MapPlayback(media);
        app.MapCaller();
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
        string id, OperatorRequest? request, ClaimsPrincipal user, ILoadSagaRepository<TranscodeState> sagas, IPublishEndpoint publish, CancellationToken cancellationToken) =>
        // Checked here to answer 409 synchronously; the saga checks again with the same rule, so a race cannot exceed the budget.
        RequestAsync(id, sagas, TranscodeTransitionRules.RetryRefusal, mediaId => publish.Publish(new RetryTranscode
        {
            MediaId = mediaId,
            RequestedBy = CallerIdentity.NameOf(user),
            Reason = ReasonOf(request, user, "manual retry"),
        }, cancellationToken));

    /// <summary><c>POST /media/{id}/cancel</c>: 202, 404, or 409 when the item is already ready or failed.</summary>
    private static Task<Results<Accepted, NotFound, Conflict<string>, BadRequest<string>>> CancelMedia(
        string id, OperatorRequest? request, ClaimsPrincipal user, ILoadSagaRepository<TranscodeState> sagas, IPublishEndpoint publish, CancellationToken cancellationToken) =>
        // The saga decides again with the same rule: a cancel that loses a race with the end of the job changes nothing.
        RequestAsync(id, sagas, TranscodeTransitionRules.CancelRefusal, mediaId => publish.Publish(new CancelMediaTranscode
        {
            MediaId = mediaId,
            RequestedBy = CallerIdentity.NameOf(user),
            Reason = ReasonOf(request, user, "manual cancel"),
        }, cancellationToken));

    internal const string MalformedId = "The media id must be a GUID.";

    /// <summary>
    /// The reason kept in the history: the body's, else <paramref name="fallback"/>. The body's <c>requestedBy</c> (the ops
    /// CLI sends the OS user) is not who asked (that is the authenticated caller, <c>RequestedBy</c>), but behind a
    /// shared key it is the only trace of the person: kept first as quoted, unverified text (<see cref="OnBehalfOfText"/>)
    /// when it names someone else.
    /// </summary>
    private static string ReasonOf(OperatorRequest? request, ClaimsPrincipal user, string fallback) =>
        OnBehalfOfText.Prefix(request?.RequestedBy, CallerIdentity.NameOf(user), request?.Reason ?? fallback);

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

/// <summary>The optional body of <c>POST /media/{id}/retry</c> and <c>/cancel</c>: why, kept in the history, and for whom
/// (unverified text: who asked is the authenticated caller, the name <c>GET /me</c> answers).</summary>
public sealed record OperatorRequest(string? RequestedBy, string? Reason);
