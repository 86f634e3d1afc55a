namespace Transcoding.Shared.Jobs;

/// <summary>The <c>input</c> of a RunPod job: everything the worker needs, nothing secret.</summary>
public sealed record WorkerJobInput
{
    public Guid MediaId { get; init; }
    public int Attempt { get; init; }

    /// <summary>Object key of the source in the bucket.</summary>
    public string SourceKey { get; init; } = "";

    /// <summary>The gateway's <c>/webhooks/transcode</c> URL for signed callbacks.</summary>
    public string CallbackUrl { get; init; } = "";

    /// <summary>W3C trace context so the worker's spans join the media item's trace.</summary>
    public string? TraceParent { get; init; }
}
