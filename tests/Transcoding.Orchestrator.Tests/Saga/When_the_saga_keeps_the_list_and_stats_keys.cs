using Microsoft.Extensions.Time.Testing;
using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;

namespace Transcoding.Orchestrator.Tests.Saga;

/// <summary>The columns the list and stats read: <c>CreatedAt</c> set once, <c>DeadlineAt</c> set where an attempt's
/// deadline is scheduled and cleared where it is unscheduled, <c>LastMeasuredAt</c> where usage is recorded.</summary>
public sealed class When_the_saga_keeps_the_list_and_stats_keys
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task When_an_item_is_uploaded_its_creation_time_is_now_and_its_deadline_one_attempt_timeout_later()
    {
        await using var h = await SagaHarness.StartAsync(time: _time);
        var uploadedAt = _time.GetUtcNow();

        await h.Upload();

        var saga = await h.Instance();
        Assert.Equal((uploadedAt, uploadedAt + Timeout), (saga.CreatedAt, saga.DeadlineAt));
    }

    [Fact]
    public async Task When_an_automatic_retry_starts_the_deadline_restarts_and_the_creation_time_stays()
    {
        await using var h = await SagaHarness.StartAsync(time: _time);
        var createdAt = _time.GetUtcNow();
        await h.Upload();
        await h.Consumed<MediaUploaded>();
        _time.Advance(TimeSpan.FromMinutes(7));

        await h.Fail(attempt: 1, permanent: false);

        var saga = await h.Instance();
        Assert.Equal((2, createdAt, _time.GetUtcNow() + Timeout), (saga.Attempt, saga.CreatedAt, saga.DeadlineAt));
    }

    [Fact]
    public async Task When_a_manual_retry_starts_the_deadline_restarts()
    {
        await using var h = await SagaHarness.StartAsync(time: _time);
        await h.Upload();
        await h.Fail(attempt: 1, permanent: true);
        await h.Consumed<TranscodeFailed>();
        Assert.Null((await h.Instance()).DeadlineAt);
        _time.Advance(TimeSpan.FromHours(1));

        await h.Retry();

        Assert.Equal(_time.GetUtcNow() + Timeout, (await h.Instance()).DeadlineAt);
    }

    [Fact]
    public async Task When_an_item_ends_its_deadline_is_cleared_and_a_measurement_sets_the_last_measured_time()
    {
        await using var h = await SagaHarness.StartAsync(time: _time);
        await h.Upload();
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();
        Assert.Null((await h.Instance()).DeadlineAt);
        _time.Advance(TimeSpan.FromMinutes(3));

        await h.Measured(attempt: 1, delayTimeMs: 10, executionTimeMs: 2_000);

        var saga = await h.Instance();
        Assert.Equal(_time.GetUtcNow(), saga.LastMeasuredAt);
        Assert.Equal(saga.Attempts.Max(a => a.MeasuredAt), saga.LastMeasuredAt);
    }

    [Fact]
    public async Task When_an_item_is_cancelled_its_deadline_is_cleared()
    {
        await using var h = await SagaHarness.StartAsync(time: _time);
        await h.Upload();

        await h.Cancel();
        await h.Consumed<CancelMediaTranscode>();

        Assert.Null((await h.Instance()).DeadlineAt);
    }

    /// <summary>A deadline that passed without a callback is followed by polls, which reschedule the message but not the
    /// attempt's deadline: the item stays past it, so the stats count it stuck.</summary>
    [Fact]
    public async Task When_the_deadline_passes_the_polls_do_not_move_it()
    {
        await using var h = await SagaHarness.StartAsync(attemptTimeout: TimeSpan.FromMilliseconds(300), time: _time);
        await h.Upload();
        var deadline = (await h.Instance()).DeadlineAt;

        await h.Consumed<AttemptDeadlineExpired>();

        Assert.Single(await h.Published<PollTranscodeStatus>());
        Assert.Equal(deadline, (await h.Instance()).DeadlineAt);
    }
}
