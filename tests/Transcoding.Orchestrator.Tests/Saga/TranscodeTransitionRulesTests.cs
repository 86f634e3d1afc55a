using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;

namespace Transcoding.Orchestrator.Tests.Saga;

/// <summary>The transition rules as tables: the state machine and the status API both ask them.</summary>
public sealed class TranscodeTransitionRulesTests
{
    // The machine's own state names, as saved in TranscodeState.CurrentState.
    private const string Uploaded = nameof(TranscodeStateMachine.UploadedState);
    private const string Transcoding = nameof(TranscodeStateMachine.Transcoding);
    private const string Ready = nameof(TranscodeStateMachine.Ready);
    private const string Failed = nameof(TranscodeStateMachine.Failed);

    [Theory]
    [InlineData(0, 2, true)]
    [InlineData(1, 2, true)]
    [InlineData(2, 2, false)]
    [InlineData(1, 1, false)]
    [InlineData(2, 3, true)]
    public void When_attempts_are_counted_another_is_left_only_below_the_maximum(int attempt, int maxAttempts, bool left) =>
        Assert.Equal(left, TranscodeTransitionRules.HasAttemptsLeft(Item(Transcoding, attempt, maxAttempts)));

    [Theory]
    [InlineData(Transcoding, 1, 1, null)]
    [InlineData(Transcoding, 2, 2, null)]
    [InlineData(Transcoding, 2, 1, "attempt 1 is not the current attempt 2")] // superseded by a retry
    [InlineData(Transcoding, 1, 2, "attempt 2 is not the current attempt 1")]
    [InlineData(Ready, 1, 1, "not valid in ready")] // a late or duplicate report once ready
    [InlineData(Failed, 1, 1, "not valid in failed")] // a cancelled or failed item's attempt: never retried automatically
    [InlineData(Failed, 2, 1, "attempt 1 is not the current attempt 2")]
    [InlineData(Uploaded, 1, 1, "not valid in uploaded")]
    public void When_a_report_names_an_attempt_it_applies_only_to_the_current_attempt_of_an_item_transcoding(
        string state, int currentAttempt, int reportedAttempt, string? refusal) =>
        Assert.Equal(refusal, TranscodeTransitionRules.AttemptReportRefusal(Item(state, currentAttempt), reportedAttempt));

    [Theory]
    [InlineData(1, 2, false, true)]
    [InlineData(1, 3, false, true)]
    [InlineData(2, 2, false, false)] // the budget is spent
    [InlineData(1, 1, false, false)]
    [InlineData(1, 2, true, false)] // a permanent failure would fail again
    public void When_the_current_attempt_fails_it_is_retried_automatically_only_when_transient_with_attempts_left(
        int attempt, int maxAttempts, bool permanent, bool retried) =>
        Assert.Equal(retried, TranscodeTransitionRules.RetriesAutomatically(Item(Transcoding, attempt, maxAttempts), permanent));

    [Theory]
    [InlineData(Failed, 1, 2, null)]
    [InlineData(Failed, 2, 3, null)]
    [InlineData(Failed, 2, 2, TranscodeTransitionRules.MaxAttemptsReached)]
    [InlineData(Failed, 1, 1, TranscodeTransitionRules.MaxAttemptsReached)]
    [InlineData(Transcoding, 1, 2, "A retry is accepted only in state failed; the media item is transcoding.")]
    [InlineData(Uploaded, 1, 2, "A retry is accepted only in state failed; the media item is uploaded.")]
    [InlineData(Ready, 1, 2, "A retry is accepted only in state failed; the media item is ready.")]
    public void When_a_retry_is_requested_it_is_accepted_only_in_failed_within_the_budget(string state, int attempt, int maxAttempts, string? refusal) =>
        Assert.Equal(refusal, TranscodeTransitionRules.RetryRefusal(Item(state, attempt, maxAttempts)));

    [Theory]
    [InlineData(Uploaded, null)]
    [InlineData(Transcoding, null)]
    [InlineData(Ready, "A cancel is accepted only in state uploaded or transcoding; the media item is ready.")]
    [InlineData(Failed, "A cancel is accepted only in state uploaded or transcoding; the media item is failed.")]
    public void When_a_cancel_is_requested_it_is_accepted_only_before_the_item_ends(string state, string? refusal) =>
        Assert.Equal(refusal, TranscodeTransitionRules.CancelRefusal(Item(state, attempt: 1)));

    [Theory]
    [InlineData(Transcoding, false, null)]
    [InlineData(Ready, false, null)]
    [InlineData(Failed, false, null)]
    [InlineData(Ready, true, "attempt 1 was measured already")]
    [InlineData(Transcoding, true, "attempt 1 was measured already")]
    public void When_an_attempts_usage_arrives_it_is_accepted_in_any_state_once(string state, bool measured, string? refusal)
    {
        var item = Item(state, attempt: 1);
        item.Save(new TranscodeAttempt { Attempt = 1, MeasuredAt = measured ? DateTimeOffset.UnixEpoch : null });

        Assert.Equal(refusal, TranscodeTransitionRules.UsageRefusal(item, attempt: 1));
    }

    private static TranscodeState Item(string state, int attempt, int maxAttempts = 2) =>
        new() { CurrentState = state, Attempt = attempt, MaxAttempts = maxAttempts };
}
