using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transcoding.Shared.Storage;

namespace Transcoding.Worker.Publishing;

/// <summary>
/// Uploads a job's output folder under the media prefix, phase by phase, with bounded parallelism; each object rides
/// out a short storage outage on its own (<see cref="StorageRetry"/>), so one refused upload does not send the others again.
/// </summary>
public sealed class OutputPublisher(IObjectStorage storage, StorageRetry storageRetry, IOptions<StorageOptions> storageOptions, ILogger<OutputPublisher> logger)
{
    /// <param name="outputDirectory">The job's output folder, laid out as the item's prefix (<see cref="MediaKeys"/>).</param>
    public async Task PublishAsync(string outputDirectory, Guid mediaId, UploadLedger ledger, CancellationToken cancellationToken)
    {
        var prefix = MediaKeys.Prefix(mediaId);
        var files = Directory.EnumerateFiles(outputDirectory, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(outputDirectory, path).Replace(Path.DirectorySeparatorChar, '/')))
            .Select(file => (file.Path, Key: prefix + file.Relative, Object: OutputObjectPolicy.Describe(file.Relative)))
            .ToList();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = storageOptions.Value.UploadParallelism,
            CancellationToken = cancellationToken,
        };
        foreach (var phase in files.GroupBy(file => file.Object.Phase).OrderBy(group => group.Key))
        {
            await Parallel.ForEachAsync(phase, parallel, async (file, ct) =>
            {
                ledger.Add(file.Key);
                await storageRetry.ExecuteAsync("upload", file.Key, token => storage.UploadFileAsync(file.Key, file.Path, file.Object.ContentType, file.Object.CacheControl, token), ct);
            });
        }

        Log.OutputsUploaded(logger, files.Count, prefix);
    }

    /// <summary>
    /// Best effort, and not retried through an outage: it runs after the job has failed, where waiting would only delay
    /// the failure report, and a leftover without its manifest is overwritten by the next attempt. A key that cannot
    /// be deleted is logged, and the rest are still tried. The whole <c>hls/</c>
    /// folder goes in one prefix delete (one listing instead of one per segment) unless the source lives in it.
    /// </summary>
    public async Task RemoveAsync(UploadLedger ledger, Guid mediaId, string sourceKey, CancellationToken cancellationToken)
    {
        var hls = MediaKeys.HlsFolder(mediaId);
        var wholeHls = !sourceKey.StartsWith(hls, StringComparison.Ordinal);
        var targets = ledger.Keys
            .Select(key => wholeHls && key.StartsWith(hls, StringComparison.Ordinal) ? hls : key)
            .Distinct(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            try
            {
                await storage.DeletePrefixAsync(target, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.OutputRemovalFailed(logger, target, e);
            }
        }
    }
}
