using Microsoft.Extensions.Hosting;

namespace Transcoding.Messaging.Postgres.Leases;

/// <summary>Deletes a store's expired records every <paramref name="interval"/>; a failed purge is tried again at the next tick.</summary>
/// <param name="storeName">Names the store in logs, e.g. <c>dispatch-ledger</c>.</param>
public sealed class ExpiredRecordsPurger(
    IExpiringStore store,
    string storeName,
    TimeSpan interval,
    TimeProvider time,
    ILogger<ExpiredRecordsPurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                Log.ExpiredRecordsPurged(logger, await store.PurgeExpiredAsync(stoppingToken), storeName);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Only the type: a database exception can carry the connection's host and user. Expired records only
                // cost space meanwhile.
                Log.ExpiredRecordsPurgeFailed(logger, storeName, exception.GetType().Name);
            }
        }
    }
}
