namespace Transcoding.Shared.Storage;

/// <summary>The bucket: R2/S3 in production, a local folder for <c>make run</c>. Keys use '/' separators.</summary>
public interface IObjectStorage
{
    Task UploadFileAsync(string key, string path, string contentType, string? cacheControl, CancellationToken cancellationToken);

    Task UploadAsync(string key, Stream content, string contentType, string? cacheControl, CancellationToken cancellationToken);

    /// <summary>
    /// Streams the object to a local file, replacing (truncating) what the file held, so a retried download starts
    /// over; never holds the whole object in memory.
    /// </summary>
    Task DownloadToFileAsync(string key, string path, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken);

    Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// A URL that lets whoever holds it GET <paramref name="key"/> without credentials until <paramref name="expiresAt"/>
    /// (an S3/R2 presigned URL, absolute), or null where the storage has no such URL (a local folder: a service streams
    /// the bytes instead). Computed locally: no request, no check that the object exists.
    /// </summary>
    Uri? PresignedGetUrl(string key, DateTimeOffset expiresAt) => null;
}
