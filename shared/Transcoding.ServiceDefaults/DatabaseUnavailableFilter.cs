using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Transcoding.Shared.Redaction;

namespace Transcoding.ServiceDefaults;

/// <summary>
/// A database that is down or out of connections is a dependency outage, not a bug in the request: answer 503 with
/// <c>Retry-After</c> so clients and webhook senders retry, rather than 500. Only the exception type and the redacted
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
        catch (Exception exception) when (DatabaseCause(exception) is { } cause)
        {
            Unavailable(logger, UrlRedaction.Path(context.HttpContext.Request.Path.Value), cause.GetType().Name);
            context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Repositories wrap provider exceptions (MassTransit's saga repository in a <c>SagaException</c>).</summary>
    private static DbException? DatabaseCause(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DbException database)
            {
                return database;
            }
        }

        return null;
    }

    [LoggerMessage(1, LogLevel.Error, "The database is unreachable ({ExceptionType}) while serving {Path}; answered 503")]
    private static partial void Unavailable(ILogger logger, string path, string exceptionType);
}
