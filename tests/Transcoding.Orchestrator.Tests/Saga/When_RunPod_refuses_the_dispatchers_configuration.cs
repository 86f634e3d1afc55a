using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;

namespace Transcoding.Orchestrator.Tests.Saga;

/// <summary>
/// <c>TranscodeWaiting</c>: the attempt waits with its reason and since when, spends nothing and changes no state, and
/// the wait ends when the attempt is dispatched or ends.
/// </summary>
public sealed class When_RunPod_refuses_the_dispatchers_configuration
{
    private static readonly DateTimeOffset First = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_attempt_waits_with_the_reason_since_the_first_report_and_nothing_is_spent()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Consumed<MediaUploaded>();
        await h.Wait(attempt: 1, First);
        await h.Consumed<TranscodeWaiting>();
        await h.Wait(attempt: 1, First.AddMinutes(1), reason: "RunPod does not know the endpoint (HTTP 404 on run): check RunPod:EndpointId and RunPod:BaseUrl.");
        await h.Consumed<TranscodeWaiting>(2);

        var saga = await h.Instance();
        Assert.Equal(MediaStates.Transcoding, await h.State());
        Assert.Equal((1, First), (saga.Attempt, saga.WaitingSince));
        Assert.Contains("HTTP 404 on run", saga.WaitingReason);
        Assert.Null(saga.FailureCode);
        Assert.Equal([MediaStates.Uploaded, MediaStates.Transcoding], saga.History.Select(t => t.To));
        Assert.Single(await h.Published<DispatchTranscode>());
        Assert.Empty(await h.Published<MediaTranscodeFailed>());
    }

    [Fact]
    public async Task When_the_waiting_attempt_is_dispatched_the_wait_ends()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Consumed<MediaUploaded>();
        await h.Wait(attempt: 1, First);
        await h.Consumed<TranscodeWaiting>();
        await h.Dispatched(attempt: 1);
        await h.Consumed<TranscodeDispatched>();

        var saga = await h.Instance();
        Assert.Equal(("job-1", null, null), (saga.JobId, saga.WaitingReason, saga.WaitingSince));
        Assert.NotNull(saga.DeadlineTokenId);
    }

    [Fact]
    public async Task When_the_waiting_attempt_ends_the_wait_ends()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Dispatched(attempt: 1);
        await h.Wait(attempt: 1, First, jobId: "job-1", reason: "RunPod refused the API key (HTTP 401 on status): check RunPod:ApiKey.");
        await h.Consumed<TranscodeWaiting>();
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();

        var saga = await h.Instance();
        Assert.Equal(MediaStates.Ready, await h.State());
        Assert.Equal((null, null), (saga.WaitingReason, saga.WaitingSince));
    }

    [Fact]
    public async Task A_report_about_an_older_attempt_changes_nothing()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Fail(attempt: 1, permanent: false);
        await h.Consumed<TranscodeFailed>();
        await h.Wait(attempt: 1, First);
        await h.Consumed<TranscodeWaiting>();

        var saga = await h.Instance();
        Assert.Equal((2, null), (saga.Attempt, saga.WaitingSince));
    }

    [Fact]
    public async Task A_report_after_the_item_is_ready_changes_nothing()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();
        await h.Wait(attempt: 1, First);
        await h.Consumed<TranscodeWaiting>();

        Assert.Equal(MediaStates.Ready, await h.State());
        Assert.Null((await h.Instance()).WaitingSince);
    }

    [Fact]
    public async Task When_the_deadline_passes_while_the_run_is_refused_no_poll_is_sent_so_the_job_is_not_called_lost()
    {
        await using var h = await SagaHarness.StartAsync(attemptTimeout: TimeSpan.FromSeconds(5));
        await h.Upload();
        await h.Consumed<MediaUploaded>();
        await h.Wait(attempt: 1, First);
        await h.Consumed<TranscodeWaiting>();
        await h.Consumed<AttemptDeadlineExpired>();

        Assert.Empty(await h.Published<PollTranscodeStatus>());
        var saga = await h.Instance();
        Assert.Equal((MediaStates.Transcoding, 1), (await h.State(), saga.Attempt));
        Assert.NotNull(saga.DeadlineTokenId);
    }

    [Fact]
    public async Task When_the_deadline_passes_while_a_status_request_is_refused_the_job_is_polled_as_usual()
    {
        await using var h = await SagaHarness.StartAsync(attemptTimeout: TimeSpan.FromSeconds(5));
        await h.Upload();
        await h.Consumed<MediaUploaded>();
        await h.Wait(attempt: 1, First, jobId: "job-1");
        await h.Consumed<TranscodeWaiting>();
        await h.Consumed<AttemptDeadlineExpired>();

        var poll = Assert.Single(await h.Published<PollTranscodeStatus>());
        Assert.Equal((h.MediaId, 1), (poll.MediaId, poll.Attempt));
        Assert.Equal("job-1", (await h.Instance()).JobId);
    }
}
