using System.Diagnostics;
using Transcoding.Chaos.Faults;
using Transcoding.Chaos.Truth;
using Transcoding.Shared.Storage;
using Xunit.Sdk;

namespace Transcoding.Chaos;

/// <summary>One run: start the system, upload at a steady rate while the fault schedule runs, drain, read the truth.</summary>
public sealed class ChaosRun(ChaosOptions options, string folder)
{
    /// <summary>How long after a drain the outbox has to empty and the recorder to catch up before the truth is read.</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How long one upload is retried (an upstream service retries while storage or the broker is down).</summary>
    private static readonly TimeSpan UploadRetryLimit = TimeSpan.FromMinutes(2);

    public async Task<RunTruth> RunAsync()
    {
        var sources = Path.Combine(folder, "sources");
        var clip = await Media.GenerateClipAsync(sources, 320, 240, seconds: 1);
        var notMedia = Path.Combine(sources, "not-media.mp4");
        await File.WriteAllTextAsync(notMedia, "This upload is a text file, not media.\n");

        await using var system = await ChaosSystem.StartAsync(folder, options.Load ? 0 : options.Workers, options.Seed);
        IFault[] catalogue =
        [
            ServerFault.RabbitMqDown(),
            ServerFault.PostgresCrash(),
            ServerFault.StorageDown(),
            new CallbackChaosFault(system.CallbackProxy, TimeSpan.FromSeconds(30)),
            new RunPodApiFault(system.RunPod, system.RunPodApiKey, 429, 0.5, TimeSpan.FromSeconds(20)),
            new RunPodApiFault(system.RunPod, system.RunPodApiKey, 500, 0.5, TimeSpan.FromSeconds(20)),
            new ServiceKillFault(system.OrchestratorA, TimeSpan.FromSeconds(5)),
            new ServiceKillFault(system.OrchestratorB, TimeSpan.FromSeconds(5)),
            new ServiceKillFault(system.Dispatcher, TimeSpan.FromSeconds(5)),
            new ServiceKillFault(system.Gateway, TimeSpan.FromSeconds(5)),
            .. options.Load ? Array.Empty<IFault>() : [new WorkerKillFault(system.WorkerWorkDir)],
        ];
        var plan = new FaultSchedule(catalogue, options.Seed).Plan(options.Duration);
        Console.WriteLine($"chaos: seed {options.Seed}, {options.Items} items over {options.Duration.TotalSeconds:0} s, {plan.Count} faults planned");

        var uploadsStarted = DateTimeOffset.UtcNow;
        var origin = Stopwatch.StartNew();
        var faults = FaultSchedule.RunAsync(plan, origin, CancellationToken.None);
        var items = options.Load ? await PushAsync(system, clip, origin) : await UploadAsync(system, clip, notMedia, origin);
        var faultRecords = await faults;
        Console.WriteLine($"chaos: {origin.Elapsed.TotalSeconds:0} s: uploads and faults done; draining");

        var saga = new SagaTable(system.Database.ConnectionString);
        var drained = await DrainAsync(saga, items, options.DrainTimeout);
        var ops = new OpsCli(system.VirtualHost);
        IReadOnlyList<ErrorQueueGroup>? groups = null, afterReplay = null;
        string? problem = null, replay = null;
        try
        {
            groups = await ops.FaultsAsync();
            if (groups.Count > 0)
            {
                replay = await ReplayAsync(ops, saga, items);
            }
        }
        catch (InvalidOperationException exception)
        {
            problem = exception.Message;
        }

        await SettleAsync(system, saga);
        if (replay is not null)
        {
            afterReplay = await ListAgainAsync(ops);
        }

        var jobs = await system.RunPodJobsAsync();
        var rows = (await saga.ReadAsync()).ToDictionary(pair => pair.Key, pair => pair.Value with { GpuJobs = jobs.GetValueOrDefault(pair.Key) });
        var (missing, unexpected) = await CheckBucketAsync(system.Storage, items, rows);
        IReadOnlyList<(string, string)> secrets =
        [
            .. system.Secrets,
            .. items.SelectMany(i => new[] { 1, 2 }.Select(attempt => ($"webhook token of {i.MediaId} attempt {attempt}", system.Tokens.Create(i.MediaId, attempt)))),
        ];
        return new RunTruth(
            items, rows, system.Outcomes, drained, groups, problem, replay, afterReplay, missing, unexpected, faultRecords,
            [.. system.Slots.SelectMany(slot => slot.ExitsByItself.Select(exit => $"{slot.Name}: {exit}"))],
            SecretScan.Find(system.LogFolder, secrets), SecretScan.LineCount(system.LogFolder), secrets.Count, uploadsStarted);
    }

    private async Task<IReadOnlyList<UploadedItem>> UploadAsync(ChaosSystem system, string clip, string notMedia, Stopwatch origin)
    {
        var items = new List<UploadedItem>();
        for (var i = 0; i < options.Items; i++)
        {
            var due = options.Interval * i - origin.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var good = i % options.BadEvery != options.BadEvery - 1;
            var mediaId = await Eventually.Until<Guid>(
                () => system.Uploader.UploadAsync(good ? clip : notMedia, "video/mp4"),
                _ => true,
                $"upload {i + 1}",
                UploadRetryLimit);
            items.Add(new UploadedItem(mediaId, good, origin.Elapsed));
        }

        return items;
    }

    /// <summary>
    /// The load run's uploads: several uploaders push items as fast as the system takes them, each waiting while
    /// <see cref="ChaosOptions.InFlight"/> items have no outcome downstream yet, until <see cref="ChaosOptions.Duration"/>
    /// has passed or <see cref="ChaosOptions.MaxItems"/> were uploaded. A bad item's source is never put in the bucket
    /// (the instant endpoint reads no media: a missing source is its permanent failure).
    /// </summary>
    private async Task<IReadOnlyList<UploadedItem>> PushAsync(ChaosSystem system, string clip, Stopwatch origin)
    {
        const int Uploaders = 8;
        var items = new System.Collections.Concurrent.ConcurrentBag<UploadedItem>();
        var next = 0;
        using var outcome = new SemaphoreSlim(0);
        void Wake() => outcome.Release();
        system.Outcomes.Received += Wake;
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Uploaders).Select(Uploader));
        }
        finally
        {
            // Outcomes keep arriving after the pushing ends, when the semaphore is disposed (it sent 203 outcomes to _error once).
            system.Outcomes.Received -= Wake;
        }

        return [.. items.OrderBy(i => i.UploadedAt)];

        async Task Uploader(int _)
        {
            while (origin.Elapsed < options.Duration)
            {
                var i = Interlocked.Increment(ref next) - 1;
                if (i >= options.MaxItems)
                {
                    return;
                }

                while (items.Count - system.Outcomes.Ended >= options.InFlight && origin.Elapsed < options.Duration)
                {
                    await outcome.WaitAsync(TimeSpan.FromSeconds(1));
                }

                var good = i % options.BadEvery != options.BadEvery - 1;
                var mediaId = await Eventually.Until<Guid>(
                    () => good ? system.Uploader.UploadAsync(clip, "video/mp4") : system.Uploader.AnnounceMissingAsync("video/mp4"),
                    _ => true,
                    $"upload {i + 1}",
                    UploadRetryLimit);
                items.Add(new UploadedItem(mediaId, good, origin.Elapsed));
            }
        }
    }

    /// <returns>False when some item was not ready or failed within <paramref name="timeout"/>.</returns>
    private static async Task<bool> DrainAsync(SagaTable saga, IReadOnlyList<UploadedItem> items, TimeSpan timeout)
    {
        try
        {
            await Eventually.Until<IReadOnlyDictionary<Guid, SagaRow>>(
                saga.ReadAsync,
                rows => items.All(i => rows.TryGetValue(i.MediaId, out var row) && row.State is "ready" or "failed"),
                "every item ready or failed",
                timeout,
                rows => $"{items.Count(i => !rows.TryGetValue(i.MediaId, out var row) || row.State is not ("ready" or "failed"))} not terminal");
            return true;
        }
        catch (FailException exception)
        {
            Console.WriteLine($"chaos: {exception.Message}");
            return false;
        }
    }

    /// <summary>Replays every faulted message, then lets the system settle again; returns "ok" or why not.</summary>
    private static async Task<string> ReplayAsync(OpsCli ops, SagaTable saga, IReadOnlyList<UploadedItem> items)
    {
        try
        {
            await ops.ReplayAllAsync();
        }
        catch (InvalidOperationException exception)
        {
            return exception.Message;
        }

        return await DrainAsync(saga, items, SettleTimeout) ? "ok" : "items not terminal after the replay";
    }

    /// <summary>The error queues once more, after the replay and the settle; null (not measured) when they cannot be read.</summary>
    private static async Task<IReadOnlyList<ErrorQueueGroup>?> ListAgainAsync(OpsCli ops)
    {
        try
        {
            return await ops.FaultsAsync();
        }
        catch (InvalidOperationException exception)
        {
            Console.WriteLine($"chaos: listing the error queues after the replay: {exception.Message}");
            return null;
        }
    }

    /// <summary>
    /// Waits (bounded) for the outbox and the scheduler to have delivered everything, then for the recorder to have
    /// recorded every outcome published before its marker. A timeout is reported and the truth read as it is.
    /// </summary>
    private static async Task SettleAsync(ChaosSystem system, SagaTable saga)
    {
        try
        {
            await Eventually.Until<long>(saga.PendingScheduledMessagesAsync, pending => pending == 0, "every outbox row and deadline delivered", SettleTimeout);
            await system.AllOutcomesRecordedAsync();
        }
        catch (FailException exception)
        {
            Console.WriteLine($"chaos: {exception.Message}");
        }
    }

    private static async Task<(IReadOnlyList<Guid> Missing, IReadOnlyList<Guid> Unexpected)> CheckBucketAsync(
        IObjectStorage storage, IReadOnlyList<UploadedItem> items, IReadOnlyDictionary<Guid, SagaRow> rows)
    {
        var missing = new List<Guid>();
        var unexpected = new List<Guid>();
        foreach (var item in items)
        {
            var state = rows.TryGetValue(item.MediaId, out var row) ? row.State : null;
            if (state == "ready" && !(await storage.ExistsAsync(MediaKeys.Manifest(item.MediaId), CancellationToken.None)
                && await storage.ExistsAsync(MediaKeys.MasterPlaylist(item.MediaId), CancellationToken.None)))
            {
                missing.Add(item.MediaId);
            }
            else if (state == "failed" && await storage.ExistsAsync(MediaKeys.Manifest(item.MediaId), CancellationToken.None))
            {
                unexpected.Add(item.MediaId);
            }
        }

        return (missing, unexpected);
    }
}
