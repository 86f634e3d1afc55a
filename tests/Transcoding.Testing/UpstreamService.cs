using MassTransit;
using Transcoding.Contracts;
using Transcoding.Shared.Storage;

namespace Transcoding.Testing;

/// <summary>What an upstream service does (conventions.md): puts the source in the bucket under <c>uploads/{mediaId}/</c>
/// and publishes <see cref="MediaUploaded"/>.</summary>
public sealed class UpstreamService(IObjectStorage storage, IPublishEndpoint bus)
{
    /// <returns>The new item's media id.</returns>
    public async Task<Guid> UploadAsync(string file, string contentType)
    {
        var mediaId = Guid.NewGuid();
        var key = $"uploads/{mediaId}/{Path.GetFileName(file)}";
        await storage.UploadFileAsync(key, file, contentType, null, CancellationToken.None);
        await AnnounceAsync(mediaId, key, contentType, new FileInfo(file).Length);
        return mediaId;
    }

    /// <summary>Publishes MediaUploaded for a source that was never put in the bucket (a permanent failure).</summary>
    public async Task<Guid> AnnounceMissingAsync(string contentType)
    {
        var mediaId = Guid.NewGuid();
        await AnnounceAsync(mediaId, $"uploads/{mediaId}/never-uploaded.mp4", contentType, 1);
        return mediaId;
    }

    private Task AnnounceAsync(Guid mediaId, string key, string contentType, long size) => bus.Publish(new MediaUploaded
    {
        MediaId = mediaId,
        SourceKey = key,
        ContentType = contentType,
        SizeBytes = size,
        UploadedAt = DateTimeOffset.UtcNow,
    });
}
