namespace Transcoding.Orchestrator.Saga;

/// <summary>
/// Which event a media item accepts in which state, its GPU-attempt budget, and why anything else is refused: pure
/// functions of the item's saved state. <see cref="TranscodeStateMachine"/> applies an event only when its rule gives no
/// refusal and otherwise logs the refusal and changes nothing; the status API answers 409 with the same refusal before it
/// publishes a retry or a cancel. A refusal is one sentence for a log line or an HTTP body; <c>null</c> means accepted.
/// Source: the media states of the conventions (uploaded → transcoding → ready | failed; failed → uploaded only through
/// a retry within the budget, automatic only for a transient failure; a late or duplicate report of an older attempt
/// is ignored and logged).
/// </summary>
public static class TranscodeTransitionRules
{
    /// <summary>The refusal of a retry once the item has used <see cref="TranscodeState.MaxAttempts"/> GPU jobs.</summary>
    public const string MaxAttemptsReached = "Maximum retry attempts reached";

    /// <summary>The refusal of a <c>MediaUploaded</c> for an item that exists: the upload that created it, again.</summary>
    public const string DuplicateUpload = "duplicate upload of a known media item";

    /// <summary>Whether the item may start another GPU job: attempts started so far below <see cref="TranscodeState.MaxAttempts"/>
    /// (<c>Orchestrator:MaxAttempts</c>, 2 by default: one retry).</summary>
    public static bool HasAttemptsLeft(TranscodeState item) => item.Attempt < item.MaxAttempts;

    /// <summary>
    /// Why a report about attempt <paramref name="attempt"/> (job dispatched, waiting, progress, completed, failed, its
    /// deadline) is refused: it names an attempt other than the current one (superseded by a retry or a cancel), or the
    /// item is not transcoding (it has ended). Null when it applies.
    /// </summary>
    public static string? AttemptReportRefusal(TranscodeState item, int attempt) =>
        attempt != item.Attempt ? $"attempt {attempt} is not the current attempt {item.Attempt}"
        : TranscodeStateMachine.StateOf(item) != MediaStates.Transcoding ? $"not valid in {TranscodeStateMachine.StateOf(item)}"
        : null;

    /// <summary>Whether an accepted failure of the current attempt starts the next one at once: only a transient failure
    /// with attempts left. A permanent one (unreadable or unsupported input) would fail again; the item fails instead.</summary>
    public static bool RetriesAutomatically(TranscodeState item, bool permanent) => !permanent && HasAttemptsLeft(item);

    /// <summary>Why a manual retry (<c>RetryTranscode</c>, <c>POST /media/{id}/retry</c>) is refused: the item is not
    /// failed, or it has no attempt left. Null when it is accepted. A cancelled item is failed, so it may be retried.</summary>
    public static string? RetryRefusal(TranscodeState item) => TranscodeStateMachine.StateOf(item) switch
    {
        MediaStates.Failed when HasAttemptsLeft(item) => null,
        MediaStates.Failed => MaxAttemptsReached,
        var state => $"A retry is accepted only in state failed; the media item is {state}.",
    };

    /// <summary>Why a manual cancel (<c>CancelMediaTranscode</c>, <c>POST /media/{id}/cancel</c>) is refused: the item
    /// has ended (ready or failed). Null when it is accepted, in uploaded or transcoding.</summary>
    public static string? CancelRefusal(TranscodeState item) => TranscodeStateMachine.StateOf(item) switch
    {
        MediaStates.Uploaded or MediaStates.Transcoding => null,
        var state => $"A cancel is accepted only in state uploaded or transcoding; the media item is {state}.",
    };

    /// <summary>Why RunPod's figures of attempt <paramref name="attempt"/> are refused: that attempt was measured already.
    /// Accepted in any state, since they change what the item cost, never its state.</summary>
    public static string? UsageRefusal(TranscodeState item, int attempt) =>
        item.AttemptRecord(attempt).MeasuredAt is null ? null : $"attempt {attempt} was measured already";
}
