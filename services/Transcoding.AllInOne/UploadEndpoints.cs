using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Transcoding.Orchestrator.Auth;

namespace Transcoding.AllInOne;

/// <summary><c>make up INPUT=file</c> adds a file to the running all-in-one through this route (its bus is in memory,
/// so another process cannot publish to it).</summary>
public static class UploadEndpoints
{
    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder app)
    {
        app.MapPost("/uploads", UploadAsync).WithName("AddUpload").WithTags("make up")
            .RequireAuthorization(Roles.Operator)
            // A video is larger than Kestrel's 30 MB default body limit.
            .WithMetadata(new DisableRequestSizeLimitAttribute());
        return app;
    }

    /// <summary><c>POST /uploads?name=clip.mp4</c> with the file as the body: 202 <see cref="UploadAccepted"/>; 411
    /// without a Content-Length (the event carries the size), 400 without a name.</summary>
    private static async Task<Results<Accepted<UploadAccepted>, BadRequest<string>, StatusCodeHttpResult>> UploadAsync(
        string? name, HttpRequest request, MediaSubmission submission, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return TypedResults.BadRequest("The query parameter name (the file's name) is required.");
        }

        if (request.ContentLength is not { } size)
        {
            return TypedResults.StatusCode(StatusCodes.Status411LengthRequired);
        }

        var mediaId = await submission.SubmitAsync(request.Body, name, size, cancellationToken);
        return TypedResults.Accepted($"/media/{mediaId}", new UploadAccepted(mediaId, $"/media/{mediaId}", DashboardLinks.Item(mediaId)));
    }
}

/// <summary>The answer to <c>POST /uploads</c>: the new item, its status document and its dashboard page (root-relative).</summary>
public sealed record UploadAccepted(Guid MediaId, string Status, string Dashboard);
