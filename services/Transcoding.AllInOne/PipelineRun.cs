using MassTransit;
using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;
using Transcoding.Orchestrator.StatusApi;
using Transcoding.Shared.Storage;

namespace Transcoding.AllInOne;

/// <summary>
/// Prints the dashboard's address; submits the input (if any) like an upstream service, shows the media item's
/// progress and exports its outputs; with <see cref="RunOptions.Serve"/> then keeps running until Ctrl-C.
/// </summary>
public sealed class PipelineRun(
    MediaSubmission submission, IObjectStorage storage, ILoadSagaRepository<TranscodeState> sagas, RunOptions options, IConfiguration configuration, IHttpClientFactory httpClients)
{
    private static readonly TimeSpan LivenessTimeout = TimeSpan.FromSeconds(3);

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var baseUrl = configuration[EmbeddedDefaults.BaseUrlKey] ?? throw new InvalidOperationException($"The all-in-one's address ({EmbeddedDefaults.BaseUrlKey}) is not configured.");
        if (options.Serve && await ClaimAddressFileAsync(baseUrl) is { } other)
        {
            Console.WriteLine($"already up: dashboard {other}{DashboardLinks.Home}");
            if (options.Input is null)
            {
                return 0;
            }

            Console.Error.WriteLine($"not added: {options.Input} (run `make up INPUT=file` again to add it to the one up)");
            return 1;
        }

        Console.WriteLine(options.Serve ? $"dashboard: {baseUrl}{DashboardLinks.Home}" : $"dashboard (while this runs): {baseUrl}{DashboardLinks.Home}");
        var exitCode = 0;
        try
        {
            exitCode = options.Input is null ? 0 : await RunInputAsync(options.Input, baseUrl, cancellationToken);
            if (!options.Serve)
            {
                return exitCode;
            }

            Console.WriteLine("up until Ctrl-C; `make up INPUT=file` adds a file");
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return exitCode;
        }
        catch (OperationCanceledException) when (options.Serve && cancellationToken.IsCancellationRequested)
        {
            return exitCode;
        }
        finally
        {
            // Only our own address: a second `make up` that lost the claim must not remove the running one's.
            if (options.Serve && File.Exists(options.AddressFile) && (await File.ReadAllTextAsync(options.AddressFile, CancellationToken.None)).Trim() == baseUrl)
            {
                File.Delete(options.AddressFile);
            }
        }
    }

    /// <summary>
    /// Makes <see cref="RunOptions.AddressFile"/> hold <paramref name="baseUrl"/> for `make up INPUT=file`
    /// (scripts/run.sh), unless another all-in-one that answers holds it: two `make up` started together both pass the
    /// script's check before either writes, and only one may serve. Written aside and moved into place without
    /// overwriting, so a reader never sees it half-written and two writers cannot both win; a file left by a killed one
    /// (nothing answers at its address) is taken over.
    /// </summary>
    /// <returns>The address of the one already up, or null when the file is now ours.</returns>
    private async Task<string?> ClaimAddressFileAsync(string baseUrl)
    {
        Directory.CreateDirectory(options.WorkDir);
        var written = $"{options.AddressFile}.{Environment.ProcessId}.tmp";
        await File.WriteAllTextAsync(written, baseUrl, CancellationToken.None);
        try
        {
            File.Move(written, options.AddressFile, overwrite: false);
            return null;
        }
        catch (IOException) when (File.Exists(options.AddressFile))
        {
            var other = (await File.ReadAllTextAsync(options.AddressFile, CancellationToken.None)).Trim();
            if (await AnswersAsync(other))
            {
                File.Delete(written);
                return other;
            }

            File.Move(written, options.AddressFile, overwrite: true);
            return null;
        }
    }

    private async Task<bool> AnswersAsync(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return false;
        }

        try
        {
            using var http = httpClients.CreateClient();
            http.Timeout = LivenessTimeout;
            return (await http.GetAsync(new Uri(uri, "/health/live"))).IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private async Task<int> RunInputAsync(string input, string baseUrl, CancellationToken cancellationToken)
    {
        if (!File.Exists(input))
        {
            Console.Error.WriteLine($"Input file not found: {input}");
            return 2;
        }

        Guid mediaId;
        await using (var file = File.OpenRead(input))
        {
            mediaId = await submission.SubmitAsync(file, Path.GetFileName(input), file.Length, cancellationToken);
        }

        Console.WriteLine($"media {mediaId}: uploaded {input} ({baseUrl}{DashboardLinks.Item(mediaId)})");
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
