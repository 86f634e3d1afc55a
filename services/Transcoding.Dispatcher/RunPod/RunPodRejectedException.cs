using System.Net;

namespace Transcoding.Dispatcher.RunPod;

/// <summary>RunPod refused the request itself (400, other 4xx but 401/403/408/429): repeating it cannot help.</summary>
public sealed class RunPodRejectedException(RunPodOperation operation, HttpStatusCode statusCode)
    : Exception($"RunPod rejected the {operation.Segment()} request with HTTP {(int)statusCode} ({statusCode}).")
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}
