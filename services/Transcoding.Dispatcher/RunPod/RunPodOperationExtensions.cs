namespace Transcoding.Dispatcher.RunPod;

public static class RunPodOperationExtensions
{
    /// <summary>The operation's path segment under <c>/v2/{endpointId}/</c>, also its name in logs and messages: <c>run</c>, <c>status</c>, ...</summary>
    public static string Segment(this RunPodOperation operation) => operation.ToString().ToLowerInvariant();
}
