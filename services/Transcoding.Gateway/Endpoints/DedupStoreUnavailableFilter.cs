using System.Data.Common;

namespace Transcoding.Gateway.Endpoints;

/// <summary>
/// The dedup store (PostgreSQL) being down is a dependency outage like the broker's: answer 503 so the sender retries,
/// rather than a 500. Any claim taken before the failure lapses with its lease.
/// </summary>
public sealed class DedupStoreUnavailableFilter(ILogger<DedupStoreUnavailableFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DbException exception)
        {
            Log.DedupStoreUnavailable(logger, exception.GetType().Name);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }
}
