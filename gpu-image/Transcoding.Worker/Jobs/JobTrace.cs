using System.Diagnostics;

namespace Transcoding.Worker.Jobs;

/// <summary>
/// Puts the job under the media item's trace (the dispatcher's <c>traceParent</c>), so callbacks, storage and
/// RunPod calls carry the same W3C trace id. A plain <see cref="Activity"/>: it needs no listener to propagate.
/// </summary>
public static class JobTrace
{
    public static Activity Start(string jobId, string? traceParent)
    {
        var activity = new Activity("transcode job");
        if (!string.IsNullOrEmpty(traceParent) && ActivityContext.TryParse(traceParent, null, out var parent))
        {
            activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
        }

        activity.SetTag("runpod.job_id", jobId);
        return activity.Start();
    }
}
