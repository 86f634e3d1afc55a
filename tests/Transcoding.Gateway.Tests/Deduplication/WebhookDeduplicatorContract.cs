using Microsoft.Extensions.Time.Testing;
using Transcoding.Gateway.Deduplication;

namespace Transcoding.Gateway.Tests.Deduplication;

/// <summary>The behaviour both stores must have; each store's test class runs it against a real instance.</summary>
public abstract class WebhookDeduplicatorContract
{
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(40);
    protected static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    protected FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected abstract IWebhookDeduplicator Store { get; }

    private static string NewKey() => $"webhook:test-{Guid.NewGuid():N}";

    [Fact]
    public async Task When_a_key_is_new_the_first_claim_wins_and_a_second_sees_it_in_flight()
    {
        var key = NewKey();

        Assert.Equal(DedupClaim.Claimed, await Store.TryClaimAsync(key, Lease, default));
        Assert.Equal(DedupClaim.InFlight, await Store.TryClaimAsync(key, Lease, default));
        Assert.False(await Store.IsProcessedAsync(key, default));
    }

    [Fact]
    public async Task When_a_claimed_key_is_marked_processed_later_claims_see_a_duplicate()
    {
        var key = NewKey();
        await Store.TryClaimAsync(key, Lease, default);

        await Store.MarkProcessedAsync(key, Ttl, default);

        Assert.Equal(DedupClaim.AlreadyProcessed, await Store.TryClaimAsync(key, Lease, default));
        Assert.True(await Store.IsProcessedAsync(key, default));
    }

    [Fact]
    public async Task When_a_claim_is_released_the_delivery_can_be_claimed_again()
    {
        var key = NewKey();
        await Store.TryClaimAsync(key, Lease, default);

        await Store.ReleaseAsync(key, default);

        Assert.Equal(DedupClaim.Claimed, await Store.TryClaimAsync(key, Lease, default));
    }

    [Fact]
    public async Task When_a_processed_key_is_released_it_stays_processed()
    {
        var key = NewKey();
        await Store.MarkProcessedAsync(key, Ttl, default);

        await Store.ReleaseAsync(key, default);

        Assert.True(await Store.IsProcessedAsync(key, default));
    }

    [Fact]
    public async Task When_a_claim_outlives_its_lease_another_request_can_take_it_over()
    {
        var key = NewKey();
        await Store.TryClaimAsync(key, Lease, default);

        Time.Advance(Lease + TimeSpan.FromSeconds(1));

        Assert.Equal(DedupClaim.Claimed, await Store.TryClaimAsync(key, Lease, default));
    }

    [Fact]
    public async Task When_the_time_to_live_has_passed_the_key_is_forgotten_and_purged()
    {
        var key = NewKey();
        await Store.MarkProcessedAsync(key, Ttl, default);

        Time.Advance(Ttl + TimeSpan.FromSeconds(1));

        Assert.False(await Store.IsProcessedAsync(key, default));
        Assert.True(await Store.PurgeExpiredAsync(default) >= 1);
        Assert.Equal(DedupClaim.Claimed, await Store.TryClaimAsync(key, Lease, default));
    }

    [Fact]
    public async Task When_records_are_purged_live_ones_stay()
    {
        var key = NewKey();
        await Store.MarkProcessedAsync(key, Ttl, default);

        await Store.PurgeExpiredAsync(default);

        Assert.True(await Store.IsProcessedAsync(key, default));
    }

    [Fact]
    public async Task When_many_requests_race_for_one_key_exactly_one_claims_it()
    {
        var key = NewKey();

        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Store.TryClaimAsync(key, Lease, default))));

        Assert.Single(claims, claim => claim == DedupClaim.Claimed);
    }
}
