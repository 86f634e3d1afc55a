using MassTransit;
using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;
using Transcoding.Orchestrator.StatusApi;
using Transcoding.Shared.Storage;

namespace Transcoding.AllInOne;

/// <summary>Uploads the input, publishes <c>MediaUploaded</c>, shows the media item's progress, and exports the outputs.</summary>
public sealed class PipelineRun(IObjectStorage storage, IBus bus, ILoadSagaRepository<TranscodeState> sagas, RunOptions options)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(options.Input))
        {
            Console.Error.WriteLine($"Input file not found: {options.Input}");
            return 2;
        }

        var mediaId = Guid.NewGuid();
        var sourceKey = $"uploads/{mediaId}/{Path.GetFileName(options.Input)}";
        await storage.UploadFileAsync(sourceKey, options.Input, "application/octet-stream", null, cancellationToken);
        await bus.Publish(new MediaUploaded
        {
            MediaId = mediaId,
            SourceKey = sourceKey,
            ContentType = "application/octet-stream",
            SizeBytes = new FileInfo(options.Input).Length,
            UploadedAt = DateTimeOffset.UtcNow,
        }, cancellationToken);
        Console.WriteLine($"media {mediaId}: uploaded {options.Input}");

        var status = await WatchAsync(mediaId, cancellationToken);
        if (status.State == MediaStates.Ready && status.Outputs is not null)
        {
            var folder = await ExportAsync(mediaId, cancellationToken);
            Console.WriteLine($"ready: {Path.Combine(folder, "hls", "master.m3u8")}");
            return 0;
        }

        Console.Error.WriteLine($"failed: {status.Failure?.Code}: {status.Failure?.Message}");
        return 1;
    }

    private static readonly TimeSpan UsageWait = TimeSpan.FromSeconds(30);

    private async Task<MediaStatus> WatchAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        var shown = "";
        DateTimeOffset? measuredBy = null;
        while (true)
        {
            await Task.Delay(250, cancellationToken);
            var saga = await sagas.Load(mediaId);
            if (saga is null || saga.Attempt == 0)
            {
                continue;
            }

            var status = saga.ToMediaStatus();
            var line = $"media {mediaId}: {status.State}, attempt {status.AttemptsUsed}/{status.AttemptsAllowed}, {status.Progress:0}%";
            if (line != shown)
            {
                Console.WriteLine(line);
                shown = line;
            }

            // RunPod's figures of the last attempt follow its end (the worker's callback precedes its job-done): wait a
            // little for them, so the run ends with its GPU seconds and no measurement is cut off by the shutdown.
            if (status.State is MediaStates.Ready or MediaStates.Failed)
            {
                measuredBy ??= DateTimeOffset.UtcNow + UsageWait;
                if (status.Usage.Complete || DateTimeOffset.UtcNow > measuredBy)
                {
                    Console.WriteLine(status.Usage.Complete
                        ? $"media {mediaId}: {status.Usage.GpuSeconds:0.###} GPU seconds over {status.Usage.Attempts.Count} attempt(s)"
                        : $"media {mediaId}: GPU seconds not measured within {UsageWait.TotalSeconds:0} s");
                    return status;
                }
            }
        }
    }

    /// <summary>Copies <c>media/{id}/</c> to <c>OUT/{id}/</c> only once the item is ready, so a failure leaves nothing half-written.</summary>
    private async Task<string> ExportAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        var prefix = MediaKeys.Prefix(mediaId);
        var target = Path.Combine(options.Out, mediaId.ToString("D"));
        await foreach (var key in storage.ListAsync(prefix, cancellationToken))
        {
            var path = Path.Combine(target, key[prefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await storage.DownloadToFileAsync(key, path, cancellationToken);
        }

        return target;
    }
}
