using Microsoft.Extensions.Options;
using Transcoding.Gateway.Options;

namespace Transcoding.Gateway.Deduplication;

/// <summary>Prepares the dedup store before the first request and deletes expired records periodically.</summary>
public sealed class DedupMaintenanceService(
    IWebhookDeduplicator deduplicator,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<DedupMaintenanceService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await deduplicator.InitializeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DedupCleanupInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                Log.DedupPurged(logger, await deduplicator.PurgeExpiredAsync(stoppingToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick tries again; expired records only cost space meanwhile.
                Log.DedupPurgeFailed(logger, exception.GetType().Name);
            }
        }
    }
}
