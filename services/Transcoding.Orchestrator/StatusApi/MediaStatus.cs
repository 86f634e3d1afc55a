using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;

namespace Transcoding.Orchestrator.StatusApi;

/// <summary>The answer of <c>GET /media/{id}</c>.</summary>
public sealed record MediaStatus(
    Guid MediaId,
    string State,
    int AttemptsUsed,
    int AttemptsAllowed,
    double Progress,
    string? JobId,
    MediaFailure? Failure,
    TranscodeOutputs? Outputs,
    IReadOnlyList<TransitionRecord> History)
{
    public static MediaStatus From(TranscodeState saga) => new(
        saga.CorrelationId,
        TranscodeStateMachine.StateOf(saga),
        saga.Attempt,
        saga.MaxAttempts,
        saga.Progress,
        saga.JobId,
        saga.FailureCode is null ? null : new MediaFailure(saga.FailureCode, saga.FailureMessage ?? "", saga.FailurePermanent),
        saga.Outputs,
        saga.History);
}

public sealed record MediaFailure(string Code, string Message, bool Permanent);
