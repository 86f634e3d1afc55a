namespace Transcoding.Dispatcher.RunPod;

/// <summary>What an HTTP status from RunPod means for the dispatcher: <see cref="RunPodAnswers.Classify"/>.</summary>
public enum RunPodAnswer
{
    /// <summary>2xx: the body is the answer.</summary>
    Success,

    /// <summary>404 on a job's own route: the job is unknown, unless the endpoint itself is (ask <c>/health</c> to tell).</summary>
    UnknownJob,

    /// <summary>RunPod refused this request (400, other 4xx): sending it again cannot help; the item's fault.</summary>
    Rejected,

    /// <summary>401/403, or 404 for the endpoint: our key or endpoint id is wrong; no item's fault, and it may be fixed.</summary>
    ConfigurationFault,

    /// <summary>408, 429, 5xx and anything else: RunPod may answer later.</summary>
    Transient,
}
