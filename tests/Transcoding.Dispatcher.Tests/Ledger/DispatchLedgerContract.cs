using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.Tests.Support;

namespace Transcoding.Dispatcher.Tests.Ledger;

/// <summary>What every <see cref="IDispatchLedger"/> must do; run against each implementation.</summary>
public abstract class DispatchLedgerContract
{
    protected static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected ManualTime Time { get; } = new();

    protected abstract Task<IDispatchLedger> CreateLedgerAsync();

    [Fact]
    public async Task When_an_attempt_is_claimed_for_the_first_time_the_claimant_submits()
    {
        var ledger = await CreateLedgerAsync();

        Assert.Equal(DispatchClaim.Claimed, await ledger.ClaimAsync(Guid.NewGuid(), 1, Lease, CancellationToken.None));
    }

    [Fact]
    public async Task When_a_claimed_attempt_is_claimed_again_within_the_lease_it_is_busy()
    {
        var ledger = await CreateLedgerAsync();
        var mediaId = Guid.NewGuid();
        await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None);
        Time.Advance(Lease - TimeSpan.FromSeconds(1));

        Assert.Equal(DispatchClaim.Busy, await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None));
    }

    [Fact]
    public async Task When_a_claim_expired_without_a_job_another_delivery_takes_it_over()
    {
        var ledger = await CreateLedgerAsync();
        var mediaId = Guid.NewGuid();
        await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None);
        Time.Advance(Lease + TimeSpan.FromSeconds(1));

        Assert.Equal(DispatchClaim.Claimed, await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None));
        Assert.Equal(DispatchClaim.Busy, await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None));
    }

    [Fact]
    public async Task When_a_job_is_recorded_every_later_claim_returns_it_however_late()
    {
        var ledger = await CreateLedgerAsync();
        var mediaId = Guid.NewGuid();
        await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None);
        await ledger.RecordJobAsync(mediaId, 1, "job-1", CancellationToken.None);
        Time.Advance(TimeSpan.FromDays(2));

        Assert.Equal(DispatchClaim.Submitted("job-1"), await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None));
        Assert.Equal("job-1", await ledger.FindJobIdAsync(mediaId, 1, CancellationToken.None));
    }

    [Fact]
    public async Task When_a_claim_is_released_the_next_delivery_claims_at_once()
    {
        var ledger = await CreateLedgerAsync();
        var mediaId = Guid.NewGuid();
        await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None);

        await ledger.ReleaseAsync(mediaId, 1, CancellationToken.None);

        Assert.Equal(DispatchClaim.Claimed, await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None));
    }

    [Fact]
    public async Task When_an_attempt_with_a_job_is_released_the_job_stays()
    {
        var ledger = await CreateLedgerAsync();
        var mediaId = Guid.NewGuid();
        await ledger.RecordJobAsync(mediaId, 1, "job-kept", CancellationToken.None);

        await ledger.ReleaseAsync(mediaId, 1, CancellationToken.None);

        Assert.Equal("job-kept", await ledger.FindJobIdAsync(mediaId, 1, CancellationToken.None));
    }

    [Fact]
    public async Task When_attempts_of_one_media_item_are_dispatched_each_keeps_its_own_job()
    {
        var ledger = await CreateLedgerAsync();
        var mediaId = Guid.NewGuid();
        await ledger.RecordJobAsync(mediaId, 1, "job-a", CancellationToken.None);

        Assert.Equal(DispatchClaim.Claimed, await ledger.ClaimAsync(mediaId, 2, Lease, CancellationToken.None));
        await ledger.RecordJobAsync(mediaId, 2, "job-b", CancellationToken.None);

        Assert.Equal("job-a", await ledger.FindJobIdAsync(mediaId, 1, CancellationToken.None));
        Assert.Equal("job-b", await ledger.FindJobIdAsync(mediaId, 2, CancellationToken.None));
        Assert.Null(await ledger.FindJobIdAsync(mediaId, 3, CancellationToken.None));
    }

    [Fact]
    public async Task When_deliveries_race_for_one_attempt_exactly_one_claims_it()
    {
        var ledger = await CreateLedgerAsync();
        var mediaId = Guid.NewGuid();

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None))));

        Assert.Single(claims, claim => claim.Status == DispatchClaimStatus.Claimed);
        Assert.Equal(7, claims.Count(claim => claim.Status == DispatchClaimStatus.Busy));
    }

    [Fact]
    public async Task When_an_attempt_is_cancelled_before_any_claim_no_delivery_can_claim_it_even_after_the_lease()
    {
        var ledger = await CreateLedgerAsync();
        var mediaId = Guid.NewGuid();

        Assert.Null(await ledger.CancelAsync(mediaId, 1, CancellationToken.None));
        Time.Advance(Lease * 2);

        Assert.Equal(DispatchClaimStatus.Cancelled, (await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None)).Status);
        Assert.Null(await ledger.FindJobIdAsync(mediaId, 1, CancellationToken.None));
    }

    [Fact]
    public async Task When_an_attempt_is_cancelled_while_its_job_is_submitted_recording_the_job_says_so_and_later_claims_report_it()
    {
        var ledger = await CreateLedgerAsync();
        var mediaId = Guid.NewGuid();
        await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None);

        Assert.Null(await ledger.CancelAsync(mediaId, 1, CancellationToken.None));
        Assert.True(await ledger.RecordJobAsync(mediaId, 1, "job-late", CancellationToken.None));

        Assert.Equal(DispatchClaim.Submitted("job-late", cancelled: true), await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None));
    }

    [Fact]
    public async Task When_an_attempt_with_a_job_is_cancelled_the_cancel_returns_the_job()
    {
        var ledger = await CreateLedgerAsync();
        var mediaId = Guid.NewGuid();
        await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None);
        Assert.False(await ledger.RecordJobAsync(mediaId, 1, "job-running", CancellationToken.None));

        Assert.Equal("job-running", await ledger.CancelAsync(mediaId, 1, CancellationToken.None));
        Assert.Equal("job-running", await ledger.CancelAsync(mediaId, 1, CancellationToken.None));
        Assert.Null(await ledger.CancelAsync(mediaId, 2, CancellationToken.None));
    }

    [Fact]
    public async Task When_a_cancelled_claim_is_released_the_attempt_stays_cancelled()
    {
        var ledger = await CreateLedgerAsync();
        var mediaId = Guid.NewGuid();
        await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None);
        await ledger.CancelAsync(mediaId, 1, CancellationToken.None);

        await ledger.ReleaseAsync(mediaId, 1, CancellationToken.None);

        Assert.Equal(DispatchClaimStatus.Cancelled, (await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task When_the_retention_has_passed_since_an_attempt_was_written_it_is_purged_and_a_recent_one_kept()
    {
        var ledger = await CreateLedgerAsync();
        var (old, recent) = (Guid.NewGuid(), Guid.NewGuid());
        await ledger.ClaimAsync(old, 1, Lease, CancellationToken.None);
        await ledger.RecordJobAsync(old, 1, "job-old", CancellationToken.None);
        Time.Advance(Retention - TimeSpan.FromHours(1));
        await ledger.RecordJobAsync(recent, 1, "job-recent", CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(2));

        Assert.True(await ledger.PurgeExpiredAsync(CancellationToken.None) >= 1);

        Assert.Null(await ledger.FindJobIdAsync(old, 1, CancellationToken.None));
        Assert.Equal("job-recent", await ledger.FindJobIdAsync(recent, 1, CancellationToken.None));
    }

    [Fact]
    public async Task When_an_attempt_is_cancelled_long_after_its_job_was_recorded_its_retention_counts_from_the_cancel()
    {
        var ledger = await CreateLedgerAsync();
        var mediaId = Guid.NewGuid();
        await ledger.RecordJobAsync(mediaId, 1, "job-cancelled-late", CancellationToken.None);
        Time.Advance(Retention - TimeSpan.FromDays(1));
        await ledger.CancelAsync(mediaId, 1, CancellationToken.None);
        Time.Advance(TimeSpan.FromDays(2));

        await ledger.PurgeExpiredAsync(CancellationToken.None);

        Assert.Equal(DispatchClaim.Submitted("job-cancelled-late", cancelled: true), await ledger.ClaimAsync(mediaId, 1, Lease, CancellationToken.None));
    }
}
