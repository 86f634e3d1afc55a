using Microsoft.Extensions.Options;

namespace Transcoding.LocalRunPod.Api;

/// <summary>The <c>/v2/{endpointId}</c> and <c>/admin</c> routes: 401 <c>{"error"}</c> unless the request carries the API key (<see cref="ApiKeyCheck"/>).</summary>
public sealed class ApiKeyFilter(IOptions<LocalRunPodOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        ApiKeyCheck.IsAuthorized(context.HttpContext.Request.Headers.Authorization, options.Value.ApiKey)
            ? await next(context)
            : Results.Json(new ApiError("Unauthorized"), LocalRunPodJson.Options, statusCode: StatusCodes.Status401Unauthorized);
}
