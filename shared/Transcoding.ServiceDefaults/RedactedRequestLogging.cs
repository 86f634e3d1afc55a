using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpLogging;
using Transcoding.Shared.Redaction;

namespace Transcoding.ServiceDefaults;

/// <summary>
/// One log line per request (method, path, status, duration) with the path passed through <see cref="UrlRedaction"/>:
/// it replaces ASP.NET Core's hosting diagnostics, which write the raw path (and, as the <c>RequestPath</c> scope, put
/// it on every log line of the request) with no hook to redact it. Health probes are not logged.
/// </summary>
internal sealed class RedactedRequestLogging : IHttpLoggingInterceptor
{
    public const HttpLoggingFields Fields =
        HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;

    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        var request = logContext.HttpContext.Request;
        if (request.Path.StartsWithSegments(HostingExtensions.HealthPath))
        {
            logContext.LoggingFields = HttpLoggingFields.None;
        }
        else if (logContext.TryDisable(HttpLoggingFields.RequestPath))
        {
            logContext.AddParameter(nameof(HttpRequest.Path), UrlRedaction.Path(request.Path.Value));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;
}
