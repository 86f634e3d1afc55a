using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.Saga;

public sealed class TranscodeStateMachineTests
{
    [Fact]
    public async Task When_media_is_uploaded_the_first_attempt_is_dispatched()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Consumed<MediaUploaded>();

        Assert.Equal(MediaStates.Transcoding, await h.State());
        var dispatch = Assert.Single(await h.Published<DispatchTranscode>());
        Assert.Equal(1, dispatch.Attempt);
        Assert.Equal((h.MediaId, $"uploads/{h.MediaId}/source.mp4", 1234L), (dispatch.MediaId, dispatch.SourceKey, dispatch.SizeBytes));
        Assert.Single(await h.Published<MediaTranscodingStarted>());
        var history = (await h.Instance()).History;
        Assert.Equal([MediaStates.Uploaded, MediaStates.Transcoding], history.Select(t => t.To));
    }

    [Fact]
    public async Task When_the_same_upload_arrives_twice_one_job_is_dispatched()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Upload();
        await h.Consumed<MediaUploaded>(2);

        Assert.Single(await h.Published<DispatchTranscode>());
        Assert.Equal(1, (await h.Instance()).Attempt);
    }

    [Fact]
    public async Task When_a_completion_arrives_the_media_is_ready()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();

        var saga = await h.Instance();
        Assert.Equal(MediaStates.Ready, await h.State());
        Assert.Equal(100, saga.Progress);
        var ready = Assert.Single(await h.Published<MediaReady>());
        Assert.Equal($"media/{h.MediaId}/hls/master.m3u8", ready.Outputs.MasterPlaylistKey);
        Assert.Equal(1, ready.AttemptsUsed);
    }

    [Fact]
    public async Task When_a_completion_arrives_twice_one_media_ready_is_published()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Complete(attempt: 1);
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>(2);

        Assert.Single(await h.Published<MediaReady>());
        Assert.Single((await h.Instance()).History, t => t.To == MediaStates.Ready);
    }

    [Fact]
    public async Task When_a_transient_failure_arrives_the_attempt_is_retried_once_automatically()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Fail(attempt: 1, permanent: false);
        await h.Consumed<TranscodeFailed>();

        Assert.Equal(MediaStates.Transcoding, await h.State());
        Assert.Equal([1, 2], (await h.Published<DispatchTranscode>()).Select(d => d.Attempt));
        Assert.Equal(1, Assert.Single(await h.Published<CancelTranscode>()).Attempt);
        Assert.Empty(await h.Published<MediaTranscodeFailed>());
        var history = (await h.Instance()).History.Select(t => (t.From, t.To)).ToList();
        Assert.Contains((MediaStates.Transcoding, MediaStates.Failed), history);
        Assert.Contains((MediaStates.Failed, MediaStates.Uploaded), history);
    }

    [Fact]
    public async Task When_the_retry_fails_too_the_media_fails_with_no_retry_left()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Fail(attempt: 1, permanent: false);
        await h.Consumed<TranscodeFailed>();
        await h.Fail(attempt: 2, permanent: false, code: "runpod_timed_out");
        await h.Consumed<TranscodeFailed>(2);

        Assert.Equal(MediaStates.Failed, await h.State());
        Assert.Equal(2, (await h.Published<DispatchTranscode>()).Count);
        var failed = Assert.Single(await h.Published<MediaTranscodeFailed>());
        Assert.Equal("runpod_timed_out", failed.ErrorCode);
        Assert.Equal(2, failed.AttemptsUsed);
        Assert.False(failed.RetryAllowed);
    }

    [Fact]
    public async Task When_a_permanent_failure_arrives_it_is_not_retried_automatically()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Fail(attempt: 1, permanent: true, code: "source_unreadable");
        await h.Consumed<TranscodeFailed>();

        var saga = await h.Instance();
        Assert.Equal(MediaStates.Failed, await h.State());
        Assert.Single(await h.Published<DispatchTranscode>());
        Assert.Equal("source_unreadable", saga.FailureCode);
        Assert.True(saga.FailurePermanent);
        var failed = Assert.Single(await h.Published<MediaTranscodeFailed>());
        Assert.True(failed.Permanent);
        Assert.True(failed.RetryAllowed);
    }

    [Fact]
    public async Task When_a_retry_is_requested_in_failed_with_attempts_left_a_second_job_is_dispatched()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Fail(attempt: 1, permanent: true);
        await h.Consumed<TranscodeFailed>();
        await h.Retry();
        await h.Consumed<RetryTranscode>();

        Assert.Equal(MediaStates.Transcoding, await h.State());
        Assert.Equal([1, 2], (await h.Published<DispatchTranscode>()).Select(d => d.Attempt));
        Assert.Contains((await h.Instance()).History, t => t.From == MediaStates.Failed && t.To == MediaStates.Uploaded && t.Reason!.Contains("test"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task When_a_new_attempt_starts_the_old_failure_is_no_longer_the_items(bool permanent)
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        // A transient failure is retried at once; a permanent one waits for an operator's retry.
        await h.Fail(attempt: 1, permanent: permanent, code: "source_unreadable");
        await h.Consumed<TranscodeFailed>();
        if (permanent)
        {
            await h.Retry();
            await h.Consumed<RetryTranscode>();
        }

        var saga = await h.Instance();
        Assert.Equal(MediaStates.Transcoding, await h.State());
        Assert.Equal((null, null, false), (saga.FailureCode, saga.FailureMessage, saga.FailurePermanent));
        Assert.Equal(MediaStates.Failed, saga.AttemptRecord(1).Outcome);
        Assert.Contains(saga.History, t => t.To == MediaStates.Failed && t.Reason!.StartsWith("source_unreadable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_a_retry_reason_has_control_characters_the_history_keeps_it_on_one_line()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Fail(attempt: 1, permanent: true);
        await h.Consumed<TranscodeFailed>();
        await h.Harness.Bus.Publish(new RetryTranscode { MediaId = h.MediaId, RequestedBy = "ops\nadmin", Reason = "fixed\r\nsource\u001b" });
        await h.Consumed<RetryTranscode>();

        Assert.Contains((await h.Instance()).History, t => t.Reason == "retry requested by ops admin: fixed  source ");
    }

    [Fact]
    public async Task When_a_retry_is_requested_past_the_budget_it_is_refused()
    {
        await using var h = await SagaHarness.StartAsync(maxAttempts: 1);
        await h.Upload();
        await h.Fail(attempt: 1, permanent: false);
        await h.Consumed<TranscodeFailed>();
        await h.Retry();
        await h.Consumed<RetryTranscode>();

        Assert.Equal(MediaStates.Failed, await h.State());
        Assert.Single(await h.Published<DispatchTranscode>());
        Assert.False(Assert.Single(await h.Published<MediaTranscodeFailed>()).RetryAllowed);
    }

    [Fact]
    public async Task When_a_retry_is_requested_while_ready_it_is_refused()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();
        await h.Retry();
        await h.Consumed<RetryTranscode>();

        Assert.Equal(MediaStates.Ready, await h.State());
        Assert.Single(await h.Published<DispatchTranscode>());
    }

    [Fact]
    public async Task When_a_retry_is_requested_while_transcoding_it_is_refused()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Retry();
        await h.Consumed<RetryTranscode>();

        Assert.Equal(MediaStates.Transcoding, await h.State());
        Assert.Single(await h.Published<DispatchTranscode>());
    }

    [Fact]
    public async Task When_a_completion_for_an_older_attempt_arrives_it_changes_nothing()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Fail(attempt: 1, permanent: false);
        await h.Consumed<TranscodeFailed>();
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();

        Assert.Equal(MediaStates.Transcoding, await h.State());
        Assert.Equal(2, (await h.Instance()).Attempt);
        Assert.Empty(await h.Published<MediaReady>());
    }

    [Fact]
    public async Task When_a_failure_arrives_after_ready_it_changes_nothing()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();
        await h.Fail(attempt: 1, permanent: false);
        await h.Consumed<TranscodeFailed>();

        Assert.Equal(MediaStates.Ready, await h.State());
        Assert.Single(await h.Published<DispatchTranscode>());
        Assert.Null((await h.Instance()).FailureCode);
    }

    [Fact]
    public async Task When_a_completion_arrives_after_a_final_failure_it_is_refused()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Fail(attempt: 1, permanent: true);
        await h.Consumed<TranscodeFailed>();
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();

        Assert.Equal(MediaStates.Failed, await h.State());
        Assert.Empty(await h.Published<MediaReady>());
    }

    [Fact]
    public async Task When_an_event_for_an_unknown_media_arrives_no_instance_is_created()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Complete(attempt: 1);
        // The saga endpoint has handled it (discarded: no instance to correlate to), not merely not yet received it.
        await Eventually.True(() => h.Harness.Consumed.Select<TranscodeCompleted>(new CancellationToken(canceled: true)).Any(),
            "the saga endpoint to have handled TranscodeCompleted");

        Assert.Null(h.Saga.Sagas.Contains(h.MediaId));
        Assert.Empty(await h.Published<MediaReady>());
    }

    [Fact]
    public async Task When_progress_arrives_it_is_recorded_and_never_goes_back()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Harness.Bus.Publish(new TranscodeProgressed { MediaId = h.MediaId, Attempt = 1, Percent = 40 });
        await h.Consumed<TranscodeProgressed>();
        await h.Harness.Bus.Publish(new TranscodeProgressed { MediaId = h.MediaId, Attempt = 1, Percent = 30 });
        await h.Consumed<TranscodeProgressed>(2);

        Assert.Equal(40, (await h.Instance()).Progress);
    }

    [Fact]
    public async Task When_no_callback_comes_before_the_deadline_the_dispatcher_is_asked_to_poll()
    {
        await using var h = await SagaHarness.StartAsync(attemptTimeout: TimeSpan.FromMilliseconds(300));
        await h.Upload();
        await h.Consumed<AttemptDeadlineExpired>();

        var poll = Assert.Single(await h.Published<PollTranscodeStatus>());
        Assert.Equal((h.MediaId, 1), (poll.MediaId, poll.Attempt));
        Assert.Equal(MediaStates.Transcoding, await h.State());
        Assert.Single(await h.Published<DispatchTranscode>());
    }

    [Fact]
    public async Task When_the_callback_comes_in_time_the_deadline_causes_no_poll()
    {
        await using var h = await SagaHarness.StartAsync(attemptTimeout: TimeSpan.FromMilliseconds(1500));
        await h.Upload();
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();

        // The in-memory delayed scheduler cannot cancel, so the deadline still arrives: it must change nothing.
        await h.Consumed<AttemptDeadlineExpired>();

        Assert.Empty(await h.Published<PollTranscodeStatus>());
        Assert.Null((await h.Instance()).DeadlineTokenId);
    }
}
