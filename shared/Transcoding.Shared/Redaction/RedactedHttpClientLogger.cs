using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Transcoding.Shared.Redaction;

/// <summary>
/// One log line per outgoing HTTP request (method, URL through <see cref="UrlRedaction"/>, status, duration) in place of
/// HttpClientFactory's default lines, which write the URL's path as it is: a RunPod webhook URL holds a job's token.
/// Headers are never logged.
/// </summary>
public sealed partial class RedactedHttpClientLogger(ILogger<RedactedHttpClientLogger> logger) : IHttpClientLogger
{
    /// <summary>Every HttpClient from the factory logs through this logger only.</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<RedactedHttpClientLogger>();
        services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers().AddLogger<RedactedHttpClientLogger>());
    }

    public object? LogRequestStart(HttpRequestMessage request) => Stopwatch.GetTimestamp();

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        Answered(logger, request.Method.Method, UrlRedaction.Url(request.RequestUri), (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        Failed(logger, request.Method.Method, UrlRedaction.Url(request.RequestUri), exception.GetType().Name, elapsed.TotalMilliseconds);

    [LoggerMessage(1, LogLevel.Debug, "HTTP {Method} {Url} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void Answered(ILogger logger, string method, string url, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(2, LogLevel.Debug, "HTTP {Method} {Url} failed ({ExceptionType}) after {ElapsedMilliseconds:0.0} ms")]
    private static partial void Failed(ILogger logger, string method, string url, string exceptionType, double elapsedMilliseconds);
}
