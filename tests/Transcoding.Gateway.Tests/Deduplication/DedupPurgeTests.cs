using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Transcoding.Gateway.Deduplication;
using Transcoding.Messaging.Postgres.Leases;
using Transcoding.Testing;

namespace Transcoding.Gateway.Tests.Deduplication;

/// <summary>The dedup store under the shared <see cref="ExpiredRecordsPurger"/>, as the gateway registers it.</summary>
public sealed class DedupPurgeTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task When_the_cleanup_interval_passes_expired_records_are_deleted_and_live_ones_kept()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new InMemoryWebhookDeduplicator(time);
        var logger = new FakeLogger<ExpiredRecordsPurger>();
        using var service = new ExpiredRecordsPurger(store, "webhook-dedup", Interval, time, logger);
        await store.MarkProcessedAsync("webhook:short", TimeSpan.FromMinutes(5), default);
        await store.MarkProcessedAsync("webhook:long", TimeSpan.FromDays(30), default);
        await service.StartAsync(default);

        var purge = await WaitForPurgeAsync(logger, time);
        await service.StopAsync(default);

        Assert.Equal(1, purge.GetStructuredStateValue("Count") is { } count ? int.Parse(count) : -1);
        Assert.True(await store.IsProcessedAsync("webhook:long", default));
        Assert.Equal(0, await store.PurgeExpiredAsync(default));
    }

    /// <summary>Moves time on until the first purge ran: the service creates its timer on a thread of its own.</summary>
    private static async Task<FakeLogRecord> WaitForPurgeAsync(FakeLogger logger, FakeTimeProvider time) =>
        (await Eventually.Until(
            () =>
            {
                var purge = logger.Collector.GetSnapshot().FirstOrDefault(record => record.Message.StartsWith("Deleted", StringComparison.Ordinal));
                if (purge is null)
                {
                    time.Advance(Interval);
                }

                return purge;
            },
            purge => purge is not null, "the first purge to run as the clock moves on by the cleanup interval",
            describe: _ => $"no purge logged; clock at {time.GetUtcNow():O}"))!;
}
