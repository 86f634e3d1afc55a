using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Transcoding.Shared.Storage;
using Transcoding.Worker.Publishing;

namespace Transcoding.Worker.Tests.Publishing;

public sealed class OutputPublisherTests : IDisposable
{
    private const string Prefix = "media/7d3c5a9e-1111-4222-8333-944455556666/";
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("publisher-");

    public void Dispose() => _root.Delete(recursive: true);

    private async Task<(LocalFolderStorage Storage, OutputPublisher Publisher)> BucketAsync(params string[] keys)
    {
        var storage = new LocalFolderStorage(Path.Combine(_root.FullName, "bucket"));
        foreach (var key in keys)
        {
            await storage.UploadAsync(key, new MemoryStream([1, 2, 3]), "application/octet-stream", null, CancellationToken.None);
        }

        var options = Options.Create(new StorageOptions());
        return (storage, new OutputPublisher(storage, new StorageRetry(options, TimeProvider.System, NullLogger<StorageRetry>.Instance), options, NullLogger<OutputPublisher>.Instance));
    }

    private static async Task<List<string>> KeysAsync(IObjectStorage storage)
    {
        var keys = new List<string>();
        await foreach (var key in storage.ListAsync("", CancellationToken.None))
        {
            keys.Add(key);
        }

        return keys;
    }

    [Theory]
    [InlineData("uploads/source.mp4", new[] { "uploads/source.mp4" })]
    [InlineData(Prefix + "source.mp4", new[] { Prefix + "source.mp4" })]
    [InlineData(Prefix + "hls/source.mp4", new[] { Prefix + "hls/source.mp4", Prefix + "hls/old/segment_00000.ts" })]
    public async Task When_a_failed_job_is_cleaned_up_its_hls_folder_and_files_go_and_the_source_stays(string sourceKey, string[] remaining)
    {
        var uploaded = new[] { Prefix + "hls/360p/segment_00000.ts", Prefix + "hls/360p/index.m3u8", Prefix + "hls/master.m3u8", Prefix + "poster.jpg" };
        var (storage, publisher) = await BucketAsync([.. uploaded, sourceKey, Prefix + "hls/old/segment_00000.ts"]);
        var ledger = new UploadLedger();
        foreach (var key in uploaded)
        {
            ledger.Add(key);
        }

        await publisher.RemoveAsync(ledger, Guid.Parse("7d3c5a9e-1111-4222-8333-944455556666"), sourceKey, CancellationToken.None);

        Assert.Equal(remaining.Order(StringComparer.Ordinal), await KeysAsync(storage));
    }
}
