using System.Diagnostics;

namespace Transcoding.Worker.Jobs;

/// <summary>
/// Puts the job under the media item's trace (the dispatcher's <c>traceParent</c>), so callbacks, storage and
/// RunPod calls carry the same W3C trace id, and the job is a span of that trace when tracing exports.
/// </summary>
public static class JobTrace
{
    public const string SourceName = "Transcoding.Worker";

    private static readonly ActivitySource Source = new(SourceName);

    public static Activity Start(string jobId, string? traceParent)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);

        // Without a listener (tracing not configured) the source creates nothing; a plain activity still propagates
        // the trace id on the callbacks.
        var activity = Source.StartActivity("transcode job", ActivityKind.Internal, parent) ?? StartUnrecorded(parent);
        activity.SetTag("runpod.job_id", jobId);
        return activity;
    }

    private static Activity StartUnrecorded(ActivityContext parent)
    {
        var activity = new Activity("transcode job");
        if (parent != default)
        {
            activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
        }

        return activity.Start();
    }
}
