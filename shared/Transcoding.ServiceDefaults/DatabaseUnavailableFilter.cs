using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Transcoding.Messaging.Postgres;
using Transcoding.Shared.Redaction;

namespace Transcoding.ServiceDefaults;

/// <summary>
/// A database that is down, restarting or out of connections (<see cref="DatabaseErrors.IsTransient"/>, which also sees
/// through the wrappers of repositories such as MassTransit's <c>SagaException</c>) is a dependency outage, not a bug in
/// the request: answer 503 with <c>Retry-After</c> so clients and webhook senders retry, rather than 500 or a 4xx they
/// would give up on. A permanent database error stays a 500. Only the exception type and the redacted
/// path are logged: a provider's message can carry the connection's host and user, a path a webhook token.
/// </summary>
public sealed partial class DatabaseUnavailableFilter(ILogger<DatabaseUnavailableFilter> logger) : IEndpointFilter
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (DatabaseErrors.IsTransient(exception))
        {
            Unavailable(logger, UrlRedaction.Path(context.HttpContext.Request.Path.Value), DatabaseErrors.Database(exception)!.GetType().Name);
            context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    [LoggerMessage(1, LogLevel.Error, "The database is unreachable ({ExceptionType}) while serving {Path}; answered 503")]
    private static partial void Unavailable(ILogger logger, string path, string exceptionType);
}
