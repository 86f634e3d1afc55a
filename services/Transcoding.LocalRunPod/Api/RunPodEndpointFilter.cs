using Microsoft.Extensions.Options;

namespace Transcoding.LocalRunPod.Api;

/// <summary>Every <c>/v2/{endpointId}</c> route, after <see cref="ApiKeyFilter"/> (401): 404 for another endpoint id.</summary>
public sealed class RunPodEndpointFilter(IOptions<LocalRunPodOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Request.RouteValues["endpointId"] as string == options.Value.EndpointId
            ? await next(context)
            : Results.Json(new ApiError("endpoint not found"), LocalRunPodJson.Options, statusCode: StatusCodes.Status404NotFound);
}
