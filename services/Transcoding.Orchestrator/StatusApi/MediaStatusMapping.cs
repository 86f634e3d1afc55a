using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;

namespace Transcoding.Orchestrator.StatusApi;

/// <summary>A saga row as the status document <see cref="MediaStatus"/>.</summary>
public static class MediaStatusMapping
{
    public static MediaStatus ToMediaStatus(this TranscodeState saga) => new(
        saga.CorrelationId,
        saga.SourceKey,
        TranscodeStateMachine.StateOf(saga),
        saga.Attempt,
        saga.MaxAttempts,
        saga.Progress,
        saga.JobId,
        saga.FailureCode is null ? null : new MediaFailure(saga.FailureCode, saga.FailureMessage ?? "", saga.FailurePermanent),
        saga.WaitingSince is { } since ? new MediaWaiting(saga.WaitingReason ?? "", since) : null,
        saga.Outputs,
        saga.History,
        saga.Usage);
}
