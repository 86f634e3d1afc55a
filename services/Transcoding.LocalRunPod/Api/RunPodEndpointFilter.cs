using Microsoft.Extensions.Options;

namespace Transcoding.LocalRunPod.Api;

/// <summary>Every <c>/v2/{endpointId}</c> route: the API key first (401), then the endpoint id (404).</summary>
public sealed class RunPodEndpointFilter(IOptions<LocalRunPodOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!ApiKeyCheck.IsAuthorized(request.Headers.Authorization, options.Value.ApiKey))
        {
            return Results.Json(new ApiError("Unauthorized"), LocalRunPodJson.Options, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (request.RouteValues["endpointId"] as string != options.Value.EndpointId)
        {
            return Results.Json(new ApiError("endpoint not found"), LocalRunPodJson.Options, statusCode: StatusCodes.Status404NotFound);
        }

        return await next(context);
    }
}
