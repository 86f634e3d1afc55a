using Transcoding.Contracts;

namespace Transcoding.Ops.Media;

/// <summary>The answer of the orchestrator's <c>GET /media/{id}</c>.</summary>
public sealed record MediaStatusView(
    Guid MediaId,
    string State,
    int AttemptsUsed,
    int AttemptsAllowed,
    double Progress,
    string? JobId,
    MediaFailureView? Failure,
    MediaWaitingView? Waiting,
    TranscodeOutputs? Outputs,
    IReadOnlyList<MediaTransitionView>? History,
    MediaGpuUsage? Usage);
