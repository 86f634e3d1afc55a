using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Orchestrator.Tests.Saga;

/// <summary>A manual cancel: the item ends failed/cancelled, its job is cancelled, and the attempt's late reports change nothing.</summary>
public sealed class When_an_item_is_cancelled
{
    [Fact]
    public async Task When_an_item_is_cancelled_it_ends_failed_cancelled_and_a_late_completion_changes_nothing()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Dispatched(attempt: 1);
        await h.Progress(attempt: 1, percent: 40);
        await h.Consumed<TranscodeProgressed>();

        await h.Cancel();
        await h.Consumed<CancelMediaTranscode>();

        var saga = await h.Instance();
        Assert.Equal(MediaStates.Failed, await h.State());
        Assert.Equal((TranscodeStateMachine.CancelledErrorCode, false), (saga.FailureCode, saga.FailurePermanent));
        Assert.Contains("alice", saga.FailureMessage);
        Assert.Contains("wrong file", saga.FailureMessage);
        var cancel = Assert.Single(await h.Published<CancelTranscode>());
        Assert.Equal((h.MediaId, 1), (cancel.MediaId, cancel.Attempt));
        var failed = Assert.Single(await h.Published<MediaTranscodeFailed>());
        Assert.Equal((TranscodeStateMachine.CancelledErrorCode, false, true, 1), (failed.ErrorCode, failed.Permanent, failed.RetryAllowed, failed.AttemptsUsed));
        Assert.Null(saga.DeadlineTokenId);

        // Everything the cancelled attempt can still report: the worker's completion, RunPod's webhook or a poll
        // saying the job was cancelled, late progress, a late dispatch report.
        await h.Complete(attempt: 1);
        await h.Fail(attempt: 1, permanent: false, code: "runpod_cancelled");
        await h.Progress(attempt: 1, percent: 90);
        await h.Consumed<TranscodeCompleted>();
        await h.Consumed<TranscodeFailed>();
        await h.Consumed<TranscodeProgressed>(2);

        saga = await h.Instance();
        Assert.Equal(MediaStates.Failed, await h.State());
        Assert.Equal(TranscodeStateMachine.CancelledErrorCode, saga.FailureCode);
        Assert.Null(saga.Outputs);
        Assert.Equal(40, saga.Progress);
        Assert.Empty(await h.Published<MediaReady>());
        Assert.Single(await h.Published<MediaTranscodeFailed>());
        Assert.Single(await h.Published<DispatchTranscode>());
        Assert.Equal([MediaStates.Uploaded, MediaStates.Transcoding, MediaStates.Failed], saga.History.Select(t => t.To));
    }

    /// <summary>The requester and reason come from outside (an upstream service, the ops CLI) and end up in the status
    /// API's failure message, <c>MediaTranscodeFailed.Reason</c> and <c>CancelTranscode.Reason</c>: the failure-message rule
    /// (FailureReportRules) applies there as it does to the history.</summary>
    [Fact]
    public async Task When_a_cancel_reason_has_control_characters_and_no_end_the_failure_message_is_one_bounded_line()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Harness.Bus.Publish(new CancelMediaTranscode { MediaId = h.MediaId, RequestedBy = "ops\nadmin", Reason = "wrong\r\nfile\u001b[2J" + new string('x', 10_000) });
        await h.Consumed<CancelMediaTranscode>();

        var saga = await h.Instance();
        var failed = Assert.Single(await h.Published<MediaTranscodeFailed>());
        foreach (var text in new[] { saga.FailureMessage!, failed.Reason, Assert.Single(await h.Published<CancelTranscode>()).Reason })
        {
            Assert.StartsWith("cancelled by ops admin: wrong  file [2Jxxx", text);
            Assert.Equal(FailureReportRules.MaxMessageLength, text.Length);
        }
    }

    [Fact]
    public async Task When_an_item_is_cancelled_before_its_job_was_dispatched_the_attempt_is_cancelled_and_the_late_dispatch_report_changes_nothing()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Cancel();
        await h.Consumed<CancelMediaTranscode>();

        // The dispatcher is told to cancel the attempt although the saga never heard of a job: the ledger then keeps
        // the job from being submitted, or cancels it right after (tested in Transcoding.Dispatcher.Tests).
        Assert.Equal(1, Assert.Single(await h.Published<CancelTranscode>()).Attempt);
        await h.Dispatched(attempt: 1);
        await h.Consumed<TranscodeDispatched>();

        var saga = await h.Instance();
        Assert.Equal(MediaStates.Failed, await h.State());
        Assert.Null(saga.JobId);
    }

    [Fact]
    public async Task When_a_cancel_arrives_for_a_ready_item_it_is_refused()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();

        await h.Cancel();
        await h.Consumed<CancelMediaTranscode>();

        Assert.Equal(MediaStates.Ready, await h.State());
        Assert.Empty(await h.Published<CancelTranscode>());
        Assert.Empty(await h.Published<MediaTranscodeFailed>());
        Assert.Null((await h.Instance()).FailureCode);
    }

    [Fact]
    public async Task When_an_item_failed_a_cancel_changes_nothing()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Fail(attempt: 1, permanent: true, code: "source_unreadable");
        await h.Consumed<TranscodeFailed>();

        await h.Cancel();
        await h.Consumed<CancelMediaTranscode>();

        Assert.Equal("source_unreadable", (await h.Instance()).FailureCode);
        Assert.Single(await h.Published<MediaTranscodeFailed>());
    }

    [Fact]
    public async Task When_a_cancelled_attempt_fails_transiently_late_it_is_never_retried_automatically()
    {
        await using var h = await SagaHarness.StartAsync(maxAttempts: 3);
        await h.Upload();
        await h.Cancel();
        await h.Consumed<CancelMediaTranscode>();

        await h.Fail(attempt: 1, permanent: false, code: "worker_shutdown");
        await h.Consumed<TranscodeFailed>();

        Assert.Equal(MediaStates.Failed, await h.State());
        Assert.Single(await h.Published<DispatchTranscode>());
        Assert.Equal(1, (await h.Instance()).Attempt);
    }

    [Fact]
    public async Task When_a_cancelled_item_is_retried_manually_the_next_attempt_runs_and_the_old_attempt_stays_ignored()
    {
        await using var h = await SagaHarness.StartAsync(maxAttempts: 2);
        await h.Upload();
        await h.Cancel();
        await h.Consumed<CancelMediaTranscode>();

        await h.Retry();
        await h.Consumed<RetryTranscode>();
        Assert.Equal(MediaStates.Transcoding, await h.State());
        Assert.Equal([1, 2], (await h.Published<DispatchTranscode>()).Select(d => d.Attempt));

        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();
        Assert.Equal(MediaStates.Transcoding, await h.State());

        await h.Complete(attempt: 2);
        await h.Consumed<TranscodeCompleted>(2);
        Assert.Equal(MediaStates.Ready, await h.State());
        Assert.Equal(2, Assert.Single(await h.Published<MediaReady>()).AttemptsUsed);
    }

    [Fact]
    public async Task When_the_cancelled_attempt_was_the_last_of_the_budget_a_manual_retry_is_refused()
    {
        await using var h = await SagaHarness.StartAsync(maxAttempts: 1);
        await h.Upload();
        await h.Cancel();
        await h.Consumed<CancelMediaTranscode>();
        Assert.False(Assert.Single(await h.Published<MediaTranscodeFailed>()).RetryAllowed);

        await h.Retry();
        await h.Consumed<RetryTranscode>();

        Assert.Equal(MediaStates.Failed, await h.State());
        Assert.Single(await h.Published<DispatchTranscode>());
    }
}
