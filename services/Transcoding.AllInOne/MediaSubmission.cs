using MassTransit;
using Transcoding.Contracts;
using Transcoding.Shared.Storage;

namespace Transcoding.AllInOne;

/// <summary>
/// What an upstream service does (conventions: upload, then <c>MediaUploaded</c>): the file goes to
/// <c>uploads/{mediaId}/{file name}</c> in the bucket, then the event is published. Used by <c>make run</c> for its input
/// and by <c>POST /uploads</c> for files added to <c>make up</c>.
/// </summary>
public sealed class MediaSubmission(IObjectStorage storage, IBus bus, TimeProvider time)
{
    private const string ContentType = "application/octet-stream";

    /// <summary>Uploads <paramref name="content"/> (<paramref name="sizeBytes"/> bytes) and publishes; returns the new media id.</summary>
    public async Task<Guid> SubmitAsync(Stream content, string fileName, long sizeBytes, CancellationToken cancellationToken)
    {
        var mediaId = Guid.NewGuid();
        var sourceKey = $"uploads/{mediaId}/{UploadName(fileName)}";
        await storage.UploadAsync(sourceKey, content, ContentType, null, cancellationToken);
        await bus.Publish(new MediaUploaded
        {
            MediaId = mediaId,
            SourceKey = sourceKey,
            ContentType = ContentType,
            SizeBytes = sizeBytes,
            UploadedAt = time.GetUtcNow(),
        }, cancellationToken);
        return mediaId;
    }

    /// <summary>The last path segment of a client's file name, or <c>source</c> when nothing usable is left: a name is
    /// never a path inside the bucket.</summary>
    public static string UploadName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        return name is "" or "." or ".." || name.Any(char.IsControl) ? "source" : name;
    }
}
