using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;

namespace Transcoding.Orchestrator.Tests.Saga;

/// <summary>
/// A step's messages are committed with its state, so the broker delivering its message again (the process died before
/// acknowledging it) finds the step applied: it is refused with a log and publishes nothing. Each test then sends a later
/// message and waits for its effect before counting, so a late publish of the redelivery would be seen. (The harness
/// records a message id once, so the redelivery itself cannot be awaited as a second consume: its refusal log shows it
/// was handled.)
/// </summary>
public sealed class When_a_step_is_redelivered
{
    [Fact]
    public async Task When_the_upload_is_redelivered_before_the_job_is_reported_no_second_dispatch_is_published()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Consumed<MediaUploaded>();

        await h.Redeliver<MediaUploaded>();
        await h.Dispatched(attempt: 1);
        await h.Consumed<TranscodeDispatched>();

        Assert.Equal("job-1", (await h.Instance()).JobId);
        Assert.Single(await h.Published<DispatchTranscode>());
        Assert.Single(await h.Published<MediaTranscodingStarted>());
        AssertRefused(h, "refused MediaUploaded in state transcoding");
    }

    [Fact]
    public async Task When_a_manual_retry_is_redelivered_no_second_dispatch_is_published()
    {
        await using var h = await SagaHarness.StartAsync(maxAttempts: 3);
        await h.Upload();
        await h.Fail(attempt: 1, permanent: true);
        await h.Retry();
        await h.Consumed<RetryTranscode>();

        await h.Redeliver<RetryTranscode>();
        await h.Complete(attempt: 2);
        await h.Consumed<TranscodeCompleted>();

        Assert.Equal(2, Assert.Single(await h.Published<MediaReady>()).AttemptsUsed);
        Assert.Equal([1, 2], (await h.Published<DispatchTranscode>()).Select(d => d.Attempt));
        AssertRefused(h, "refused RetryTranscode in state transcoding");
    }

    [Fact]
    public async Task When_a_transient_failure_is_redelivered_after_the_automatic_retry_nothing_is_published_again()
    {
        await using var h = await SagaHarness.StartAsync(maxAttempts: 3);
        await h.Upload();
        await h.Fail(attempt: 1, permanent: false);
        await h.Consumed<TranscodeFailed>();

        await h.Redeliver<TranscodeFailed>();
        await h.Complete(attempt: 2);
        await h.Consumed<TranscodeCompleted>();

        Assert.Equal(2, Assert.Single(await h.Published<MediaReady>()).AttemptsUsed);
        Assert.Equal([1, 2], (await h.Published<DispatchTranscode>()).Select(d => d.Attempt));
        Assert.Equal(1, Assert.Single(await h.Published<CancelTranscode>()).Attempt);
        Assert.Equal([1, 2], (await h.Published<MeasureTranscodeUsage>()).Select(m => m.Attempt));
        AssertRefused(h, "refused TranscodeFailed in state transcoding: attempt 1 is not the current attempt 2");
    }

    [Fact]
    public async Task When_the_completion_is_redelivered_once_ready_no_second_media_ready_is_published()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();

        await RedeliverThenMeasure<TranscodeCompleted>(h);

        Assert.Single(await h.Published<MediaReady>());
        Assert.Single(await h.Published<MeasureTranscodeUsage>());
        AssertRefused(h, "refused TranscodeCompleted in state ready: not valid in ready");
    }

    [Fact]
    public async Task When_the_failure_that_ended_the_item_is_redelivered_no_second_media_transcode_failed_is_published()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Fail(attempt: 1, permanent: true);
        await h.Consumed<TranscodeFailed>();

        await RedeliverThenMeasure<TranscodeFailed>(h);

        Assert.Single(await h.Published<MediaTranscodeFailed>());
        Assert.Single(await h.Published<MeasureTranscodeUsage>());
        Assert.Single(await h.Published<CancelTranscode>());
        AssertRefused(h, "refused TranscodeFailed in state failed: not valid in failed");
    }

    [Fact]
    public async Task When_the_cancel_is_redelivered_its_messages_are_not_published_again()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Cancel();
        await h.Consumed<CancelMediaTranscode>();

        await RedeliverThenMeasure<CancelMediaTranscode>(h);

        Assert.Single(await h.Published<CancelTranscode>());
        Assert.Single(await h.Published<MediaTranscodeFailed>());
        Assert.Single(await h.Published<MeasureTranscodeUsage>());
        AssertRefused(h, "refused CancelMediaTranscode in state failed");
    }

    [Fact]
    public async Task When_the_usage_of_an_ended_item_is_redelivered_it_is_not_announced_again()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Fail(attempt: 1, permanent: true);
        await h.Measured(attempt: 1, delayTimeMs: 10, executionTimeMs: 1_000);
        await h.Consumed<TranscodeUsageMeasured>();

        await h.Redeliver<TranscodeUsageMeasured>();
        await h.Retry();
        await h.Consumed<RetryTranscode>();

        Assert.Equal([1, 2], (await h.Published<DispatchTranscode>()).Select(d => d.Attempt));
        Assert.Single(await h.Published<MediaGpuUsageReported>());
        AssertRefused(h, "refused TranscodeUsageMeasured in state failed: attempt 1 was measured already");
    }

    /// <summary>Redelivers the last T, then waits for a later effect: the ended item's usage announced.</summary>
    private static async Task RedeliverThenMeasure<T>(SagaHarness h)
        where T : class
    {
        await h.Redeliver<T>();
        await h.Measured(attempt: 1, delayTimeMs: 10, executionTimeMs: 1_000);
        await h.Consumed<TranscodeUsageMeasured>();
        Assert.Single(await h.Published<MediaGpuUsageReported>());
    }

    private static void AssertRefused(SagaHarness h, string refusal) =>
        Assert.Contains(h.Logs.GetSnapshot(), r => r.Message.Contains($"Media {h.MediaId}: {refusal}", StringComparison.Ordinal));
}
