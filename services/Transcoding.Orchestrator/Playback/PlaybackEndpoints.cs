using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;
using Transcoding.Orchestrator.StatusApi;
using Transcoding.Shared.Storage;

namespace Transcoding.Orchestrator.Playback;

public static class PlaybackEndpoints
{
    /// <summary>
    /// <c>GET /media/{id}/playback</c> in <paramref name="media"/> (reader: the fallback policy) and the signed route
    /// <c>GET /playback/{id}/{**path}?expires=&amp;signature=</c>, open to anyone holding a valid signature: 404 for a
    /// path that is no key of the item or no object, 403 for a wrong or expired signature.
    /// </summary>
    public static IEndpointRouteBuilder MapPlayback(this IEndpointRouteBuilder app, RouteGroupBuilder media)
    {
        media.MapGet("/{id}/playback", GetPlayback).WithName("GetMediaPlayback");
        app.MapGet(PlaybackUrls.RoutePrefix + "/{id}/{**path}", ServeAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>200 with <see cref="PlaybackLinks"/>, 404 for an unknown item, 409 unless it is ready.</summary>
    private static async Task<Results<Ok<PlaybackLinks>, NotFound, Conflict<string>, BadRequest<string>>> GetPlayback(
        string id, ILoadSagaRepository<TranscodeState> sagas, PlaybackUrls urls)
    {
        if (!Guid.TryParse(id, out var mediaId))
        {
            return TypedResults.BadRequest(StatusEndpoints.MalformedId);
        }

        var saga = await sagas.Load(mediaId);
        if (saga is null)
        {
            return TypedResults.NotFound();
        }

        var state = TranscodeStateMachine.StateOf(saga);
        if (state != MediaStates.Ready || saga.Outputs is not { } outputs || !MediaKeys.IsOf(mediaId, outputs.MasterPlaylistKey))
        {
            return TypedResults.Conflict($"the media item is {state}, not ready: nothing to play yet");
        }

        var expires = urls.ExpiresFromNow();
        string? Link(string? key) => MediaKeys.IsOf(mediaId, key) ? urls.For(mediaId, key!, expires) : null;
        var storyboard = outputs.Storyboard is { } board && Link(board.VttKey) is { } vtt && Link(board.ImageKey) is { } image
            ? new StoryboardLinks(vtt, image)
            : null;
        return TypedResults.Ok(new PlaybackLinks(
            DateTimeOffset.FromUnixTimeSeconds(expires), Link(outputs.MasterPlaylistKey)!, Link(outputs.PosterKey), Link(outputs.Waveform?.JsonKey), storyboard));
    }

    private static readonly FileExtensionContentTypeProvider ContentTypes = new()
    {
        Mappings =
        {
            [".m3u8"] = "application/vnd.apple.mpegurl", // RFC 8216 4
            [".ts"] = "video/mp2t",
            [".vtt"] = "text/vtt",
        },
    };

    private static async Task<IResult> ServeAsync(
        string id, string path, long? expires, string? signature, PlaybackSigner signer, PlaybackUrls urls, IObjectStorage storage, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var mediaId) || !MediaKeys.IsOf(mediaId, MediaKeys.Prefix(mediaId) + path))
        {
            return TypedResults.NotFound();
        }

        if (expires is not { } until || !signer.IsValid(mediaId, path, until, signature))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var key = MediaKeys.Prefix(mediaId) + path;
        var contentType = ContentTypes.TryGetContentType(path, out var known) ? known : "application/octet-stream";
        try
        {
            var content = await storage.OpenReadAsync(key, cancellationToken);
            if (!PlaybackUrls.IsRewritten(path))
            {
                return TypedResults.Stream(content, contentType, enableRangeProcessing: content.CanSeek);
            }

            await using (content)
            {
                using var reader = new StreamReader(content);
                var text = await reader.ReadToEndAsync(cancellationToken);
                return TypedResults.Text(urls.Rewrite(mediaId, key, text, until), contentType);
            }
        }
        catch (ObjectNotFoundException)
        {
            return TypedResults.NotFound();
        }
    }
}
