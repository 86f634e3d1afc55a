namespace Transcoding.Contracts;

/// <summary>
/// The saga's command to the dispatcher: start one GPU job for this attempt. The worker writes the outputs under
/// <c>media/{mediaId}/</c> (conventions: storage layout), so the command names no prefix.
/// </summary>
public record DispatchTranscode
{
    public Guid MediaId { get; init; }
    public int Attempt { get; init; }

    /// <summary>Object key of the source in the bucket.</summary>
    public string SourceKey { get; init; } = "";

    /// <summary>The source's size in bytes; it sizes the job's RunPod time limits.</summary>
    public long SizeBytes { get; init; }
}
