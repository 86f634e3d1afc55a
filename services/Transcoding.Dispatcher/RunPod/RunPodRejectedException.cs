using System.Net;

namespace Transcoding.Dispatcher.RunPod;

/// <summary>RunPod refused a request (4xx other than 408/429): repeating it cannot help.</summary>
public sealed class RunPodRejectedException(string operation, HttpStatusCode statusCode)
    : Exception($"RunPod rejected the {operation} request with HTTP {(int)statusCode} ({statusCode}).")
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}
