namespace Transcoding.Orchestrator.Saga;

/// <summary>One entry of a media item's history, shown by the status API.</summary>
public sealed record TransitionRecord(string? From, string To, DateTimeOffset At, int Attempt, string? Reason);
