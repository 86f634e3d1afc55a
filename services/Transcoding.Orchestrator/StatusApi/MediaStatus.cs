using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;

namespace Transcoding.Orchestrator.StatusApi;

/// <summary>
/// The answer of <c>GET /media/{id}</c>. <see cref="Waiting"/> is set while the current attempt cannot go on for a
/// reason that is not the item's (RunPod refuses the dispatcher's configuration) and spends nothing; <c>Usage</c> lists
/// every attempt with its job id, outcome, RunPod's delay and execution milliseconds and GPU seconds.
/// </summary>
public sealed record MediaStatus(
    Guid MediaId,
    string State,
    int AttemptsUsed,
    int AttemptsAllowed,
    double Progress,
    string? JobId,
    MediaFailure? Failure,
    MediaWaiting? Waiting,
    TranscodeOutputs? Outputs,
    IReadOnlyList<TransitionRecord> History,
    MediaGpuUsage Usage)
{
    public static MediaStatus From(TranscodeState saga) => new(
        saga.CorrelationId,
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

public sealed record MediaFailure(string Code, string Message, bool Permanent);
