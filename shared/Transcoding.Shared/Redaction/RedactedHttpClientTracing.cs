using OpenTelemetry.Trace;

namespace Transcoding.Shared.Redaction;

/// <summary>HttpClient tracing for the services and the worker, with <c>url.full</c> passed through <see cref="UrlRedaction"/>.</summary>
public static class RedactedHttpClientTracing
{
    /// <summary>
    /// The OpenTelemetry HttpClient instrumentation whose client spans carry a redacted <c>url.full</c>: the local RunPod
    /// endpoint calls RunPod webhook URLs that hold a job's token, and storage clients may call pre-signed URLs.
    /// </summary>
    public static TracerProviderBuilder AddRedactedHttpClientInstrumentation(this TracerProviderBuilder tracing) =>
        tracing.AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = (activity, request) =>
            activity.SetTag("url.full", UrlRedaction.Url(request.RequestUri)));
}
