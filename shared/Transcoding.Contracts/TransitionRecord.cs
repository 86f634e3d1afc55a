namespace Transcoding.Contracts;

/// <summary>
/// One entry of a media item's history: the saga keeps it and the status API shows it. <see cref="From"/> is null
/// for the first state; <see cref="At"/> is when the saga made the change; <see cref="Reason"/> is the failure,
/// retry or cancel reason, when there is one.
/// </summary>
public sealed record TransitionRecord(string? From, string To, DateTimeOffset At, int Attempt, string? Reason);
