namespace Transcoding.Ops.Media;

public sealed record MediaTransitionView(string? From, string To, DateTimeOffset At, int Attempt, string? Reason);
