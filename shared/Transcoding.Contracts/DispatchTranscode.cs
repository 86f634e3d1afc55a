namespace Transcoding.Contracts;

/// <summary>The saga's command to the dispatcher: start one GPU job for this attempt.</summary>
public record DispatchTranscode
{
    public Guid MediaId { get; init; }
    public int Attempt { get; init; }
    public string SourceKey { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long SizeBytes { get; init; }

    /// <summary>Object key prefix the worker writes under, <c>media/{mediaId}/</c>.</summary>
    public string OutputPrefix { get; init; } = "";
}
