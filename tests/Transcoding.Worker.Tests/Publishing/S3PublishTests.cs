using System.Text.Json;
using Amazon.S3;
using Microsoft.Extensions.Logging.Abstractions;
using Transcoding.Contracts;
using Transcoding.Shared;
using Transcoding.Shared.Storage;
using Transcoding.Worker.Publishing;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Publishing;

/// <summary>Outputs into a real S3 API (s3rver over HTTPS) with the production client settings, read back.</summary>
public class S3PublishTests
{
    [Fact]
    public async Task When_outputs_are_published_to_s3_they_read_back_byte_identical_with_their_headers()
    {
        var options = S3TestServer.Options();
        using var s3 = S3ObjectStorage.CreateClient(options);
        var storage = new S3ObjectStorage(s3, options.Bucket);
        var mediaId = Guid.NewGuid();
        var prefix = MediaKeys.Prefix(mediaId);
        var folder = await LocalOutputsAsync();
        var settings = Microsoft.Extensions.Options.Options.Create(options);
        var publisher = new OutputPublisher(storage, new StorageRetry(settings, TimeProvider.System, NullLogger<StorageRetry>.Instance), settings, NullLogger<OutputPublisher>.Instance);

        await publisher.PublishAsync(folder, mediaId, new UploadLedger(), CancellationToken.None);

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => prefix + Path.GetRelativePath(folder, f).Replace('\\', '/'));
        var keys = new List<string>();
        await foreach (var key in storage.ListAsync(prefix, CancellationToken.None))
        {
            keys.Add(key);
        }

        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        foreach (var (key, path) in files)
        {
            await using var stream = await storage.OpenReadAsync(key, CancellationToken.None);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(copy.ToArray()), $"{key} differs after the round trip");

            var expected = OutputObjectPolicy.Describe(key[prefix.Length..]);
            var metadata = await s3.GetObjectMetadataAsync(options.Bucket, key);
            Assert.Equal(expected.ContentType, metadata.Headers.ContentType);
            Assert.Equal(expected.CacheControl, metadata.Headers.CacheControl);
        }

        await storage.DeletePrefixAsync(prefix, CancellationToken.None);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task When_a_job_runs_against_s3_the_source_streams_in_and_the_manifest_is_readable()
    {
        var options = S3TestServer.Options();
        await using var harness = await WorkerHarness.StartAsync(settings: S3TestServer.Settings(options));
        var mediaId = Guid.NewGuid();
        var key = await harness.UploadSourceAsync(await Clips.VideoWithAudio);

        var result = await harness.Executor.ExecuteAsync("job-s3", WorkerHarness.Input(mediaId, key), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        await using var manifest = await harness.Storage.OpenReadAsync(MediaKeys.Manifest(mediaId), CancellationToken.None);
        var outputs = await JsonSerializer.DeserializeAsync<TranscodeOutputs>(manifest, JsonDefaults.Web);
        Assert.Equal(JsonSerializer.Serialize(result.Outputs, JsonDefaults.Web), JsonSerializer.Serialize(outputs, JsonDefaults.Web));
        Assert.True(await harness.Storage.ExistsAsync(MediaKeys.RenditionPlaylist(mediaId, "480p"), CancellationToken.None));

        await harness.Storage.DeletePrefixAsync(MediaKeys.Prefix(mediaId), CancellationToken.None);
        await harness.Storage.DeletePrefixAsync(key, CancellationToken.None);
    }

    /// <summary>A real job's outputs on the local bucket, copied to a folder to publish again.</summary>
    private static async Task<string> LocalOutputsAsync()
    {
        await using var harness = await WorkerHarness.StartAsync();
        var mediaId = Guid.NewGuid();
        var result = await harness.Executor.ExecuteAsync("job-local", WorkerHarness.Input(mediaId, await harness.UploadSourceAsync(await Clips.VideoWithAudio)), null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Message);

        var source = harness.OutputPath(mediaId, "");
        var copy = Directory.CreateTempSubdirectory("worker-s3-").FullName;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }
}
