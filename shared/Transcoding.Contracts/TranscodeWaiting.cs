namespace Transcoding.Contracts;

/// <summary>
/// The dispatcher's report that an attempt cannot go on for a reason that is not the media item's: RunPod refuses the
/// dispatcher's configuration (API key, endpoint id). The attempt is not spent and resumes by itself once the fault is
/// fixed; the saga shows the reason until the attempt is dispatched or ends. Published again on every redelivery that
/// meets the fault.
/// </summary>
public record TranscodeWaiting
{
    public Guid MediaId { get; init; }
    public int Attempt { get; init; }

    /// <summary>The attempt's RunPod job when it has one (RunPod refused a status request), else empty (refused the run).</summary>
    public string JobId { get; init; } = "";

    /// <summary>What the operator must fix, e.g. "RunPod refused the API key (HTTP 401 on run): check RunPod:ApiKey."; never a secret.</summary>
    public string Reason { get; init; } = "";

    /// <summary>When the dispatcher met the fault for this delivery (the saga keeps the earliest).</summary>
    public DateTimeOffset Since { get; init; }
}
