using System.Text.Json.Serialization;

namespace Transcoding.Orchestrator.Queries;

/// <summary>
/// One item of <c>GET /media</c>: <see cref="State"/> a <see cref="Saga.MediaStates"/> name; <see cref="FailureCode"/>
/// the last failure's code (kept while a retry runs), null if it never failed; <see cref="AttemptsUsed"/> of
/// <see cref="AttemptsAllowed"/> GPU jobs; <see cref="Progress"/> 0-100 within the current attempt;
/// <see cref="UploadedAt"/> as upstream said; <see cref="CreatedAt"/> when the orchestrator first saw it (the list's
/// order); <see cref="UpdatedAt"/> its last transition. Times UTC.
/// </summary>
public sealed record MediaSummary(
    Guid MediaId,
    string State,
    string? FailureCode,
    int AttemptsUsed,
    int AttemptsAllowed,
    double Progress,
    string SourceKey,
    DateTimeOffset UploadedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    [JsonIgnore]
    public MediaCursor Key => new(CreatedAt, MediaId);
}
