using System.Globalization;
using Transcoding.LocalRunPod.Api;

namespace Transcoding.LocalRunPod.Faults;

/// <summary>
/// On the public API's routes, after the key and endpoint checks: answers the <see cref="FaultInjector"/>'s fault in
/// place of the route, 429 with <c>Retry-After</c> (seconds) or 500, each with RunPod's <c>{"error"}</c> body.
/// </summary>
public sealed class FaultFilter(FaultInjector faults) : IEndpointFilter
{
    private const string RoutePrefix = "/v2/{endpointId}/";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
        if (faults.Next(route.StartsWith(RoutePrefix, StringComparison.Ordinal) ? route[RoutePrefix.Length..] : route) is not { } fault)
        {
            return await next(context);
        }

        if (fault.Status == StatusCodes.Status429TooManyRequests)
        {
            http.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return Results.Json(new ApiError($"injected fault: HTTP {fault.Status}"), LocalRunPodJson.Options, statusCode: fault.Status);
    }
}
