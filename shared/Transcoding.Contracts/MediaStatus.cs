namespace Transcoding.Contracts;

/// <summary>
/// The document of the orchestrator's <c>GET /media/{id}</c> (conventions: HTTP surface), camelCase JSON: the status
/// API writes it and the ops CLI reads it. <see cref="State"/> is <c>uploaded</c>, <c>transcoding</c>, <c>ready</c>
/// or <c>failed</c>; <see cref="Progress"/> is 0-100 within the current attempt. <see cref="Waiting"/> is set while the
/// current attempt cannot go on for a reason that is not the item's (RunPod refuses the dispatcher's configuration)
/// and spends nothing; <see cref="Usage"/> lists every attempt with its job id, outcome, RunPod's delay and execution
/// milliseconds and GPU seconds. <see cref="SourceKey"/> is the uploaded file's object key (<c>uploads/…/name.mp4</c>);
/// null only from an orchestrator older than the field.
/// </summary>
public sealed record MediaStatus(
    Guid MediaId,
    string? SourceKey,
    string State,
    int AttemptsUsed,
    int AttemptsAllowed,
    double Progress,
    string? JobId,
    MediaFailure? Failure,
    MediaWaiting? Waiting,
    TranscodeOutputs? Outputs,
    IReadOnlyList<TransitionRecord> History,
    MediaGpuUsage Usage);
