using System.Net;

namespace Transcoding.Dispatcher.RunPod;

/// <summary>
/// RunPod refused our configuration, not the request: 401/403 (the API key) on any operation, or 404 for the endpoint
/// (<see cref="RunPodAnswers"/>). No media item is at fault and the same request succeeds once the key or endpoint id is
/// fixed, so it spends no attempt: commands are redelivered (<c>RunPodConsumerDefinition</c>). The message names the
/// setting to check, never its value.
/// </summary>
public sealed class RunPodConfigurationException(RunPodOperation operation, HttpStatusCode statusCode)
    : Exception(Describe(operation, statusCode))
{
    public RunPodOperation Operation { get; } = operation;

    public HttpStatusCode StatusCode { get; } = statusCode;

    private static string Describe(RunPodOperation operation, HttpStatusCode status)
    {
        var answer = $"HTTP {(int)status} on {operation.Segment()}";
        return status switch
        {
            HttpStatusCode.Unauthorized => $"RunPod refused the API key ({answer}): check RunPod:ApiKey.",
            HttpStatusCode.Forbidden => $"RunPod refused the API key access to the endpoint ({answer}): check RunPod:ApiKey and RunPod:EndpointId.",
            _ => $"RunPod does not know the endpoint ({answer}): check RunPod:EndpointId and RunPod:BaseUrl.",
        };
    }
}
