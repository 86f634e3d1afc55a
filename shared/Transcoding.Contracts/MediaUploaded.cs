namespace Transcoding.Contracts;

/// <summary>Published by upstream services once the source object is in the bucket.</summary>
public record MediaUploaded
{
    public Guid MediaId { get; init; }
    public string SourceKey { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long SizeBytes { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}
