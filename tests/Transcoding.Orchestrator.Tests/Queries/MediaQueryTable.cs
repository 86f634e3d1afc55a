using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;

namespace Transcoding.Orchestrator.Tests.Queries;

/// <summary>
/// The rows of the behaviour table, one saga per case, at a fixed now. Each row's comment says which figure it feeds;
/// the expected figures in <see cref="MediaQueryBehaviour"/> are counted by hand from them. Times are before now by
/// the age given; window P1D starts at <see cref="Now"/> minus 24 h.
/// </summary>
public static class MediaQueryTable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly TranscodeState Uploaded = Row(1, "UploadedState", created: Minutes(1), updated: Minutes(1));

    // Transcoding: T1 before its deadline; T2 and T3 past it (T3 the longest: first example).
    public static readonly TranscodeState T1 = Row(2, "Transcoding", created: Minutes(10), updated: Minutes(10), deadline: Minutes(-10));
    public static readonly TranscodeState T2 = Row(3, "Transcoding", created: Minutes(40), updated: Minutes(40), deadline: Minutes(20));
    public static readonly TranscodeState T3 = Row(4, "Transcoding", created: Hours(3), updated: Hours(3), deadline: Minutes(160));

    // Ready: R1 and R2 finished inside P1D (R1 inside PT1H too), R3 outside. GPU: R1 12 s and R2's second attempt 8 s
    // measured inside P1D; R2's first attempt and R3 outside it.
    public static readonly TranscodeState R1 = Row(5, "Ready", created: Hours(2), updated: Minutes(59),
        attempts: [Measured(1, 12_000, 0.0024m, Minutes(50))]);
    public static readonly TranscodeState R2 = Row(6, "Ready", created: Hours(5), updated: Hours(4),
        attempts: [Measured(1, 3_500, 0.0007m, Hours(48)), Measured(2, 8_000, 0.0016m, Hours(3))]);
    public static readonly TranscodeState R3 = Row(7, "Ready", created: Hours(72), updated: Hours(48),
        attempts: [Measured(1, 20_000, 0.004m, Hours(48))]);

    // Failed inside P1D: four source_unreadable (newest failures F4, F2, F3; F1 the fourth), one worker_crashed (F6, 1 s
    // of GPU without a price), one cancelled (F7). F5 failed outside the window.
    public static readonly TranscodeState F1 = Row(8, "Failed", created: Hours(6), updated: Hours(5), code: "source_unreadable");
    public static readonly TranscodeState F2 = Row(9, "Failed", created: Hours(7), updated: Hours(2), code: "source_unreadable");
    public static readonly TranscodeState F3 = Row(10, "Failed", created: Hours(8), updated: Hours(3), code: "source_unreadable");
    public static readonly TranscodeState F4 = Row(11, "Failed", created: Hours(9), updated: Minutes(30), code: "source_unreadable");
    public static readonly TranscodeState F5 = Row(12, "Failed", created: Hours(96), updated: Hours(72), code: "worker_crashed");
    public static readonly TranscodeState F6 = Row(13, "Failed", created: Hours(12), updated: Hours(11), code: "worker_crashed",
        attempts: [Measured(1, 1_000, null, Hours(10))]);
    public static readonly TranscodeState F7 = Row(14, "Failed", created: Hours(20), updated: Hours(20), code: "cancelled");

    // Two items created at the same instant: the id breaks the tie (the higher first, newest-first order).
    public static readonly TranscodeState TieLow = Row(15, "Ready", created: Hours(30), updated: Hours(23));
    public static readonly TranscodeState TieHigh = Row(16, "Ready", created: Hours(30), updated: Hours(23));

    public static IReadOnlyList<TranscodeState> All { get; } =
        [Uploaded, T1, T2, T3, R1, R2, R3, F1, F2, F3, F4, F5, F6, F7, TieLow, TieHigh];

    /// <summary>Every row, newest first by (createdAt, id): what an unfiltered walk must return.</summary>
    public static IReadOnlyList<TranscodeState> NewestFirst { get; } =
        [Uploaded, T1, T2, R1, T3, R2, F1, F2, F3, F4, F6, F7, TieHigh, TieLow, R3, F5];

    /// <summary>A saga row as the state machine leaves it; <paramref name="deadline"/> is how long ago it passed
    /// (negative: still ahead).</summary>
    public static TranscodeState Row(int number, string currentState, TimeSpan created, TimeSpan updated, string? code = null,
        TimeSpan? deadline = null, List<TranscodeAttempt>? attempts = null)
    {
        attempts ??= [];
        return new TranscodeState
        {
            CorrelationId = Guid.Parse($"00000000-0000-4000-8000-{number:x12}"),
            CurrentState = currentState,
            SourceKey = $"uploads/{number}/source.mp4",
            SizeBytes = 1000,
            UploadedAt = Now - created - TimeSpan.FromSeconds(1),
            CreatedAt = Now - created,
            UpdatedAt = Now - updated,
            Attempt = Math.Max(1, attempts.Count),
            MaxAttempts = 2,
            Progress = currentState == "Ready" ? 100 : 0,
            FailureCode = code,
            FailureMessage = code is null ? null : "it failed",
            DeadlineAt = deadline is { } passed ? Now - passed : null,
            Attempts = attempts,
            LastMeasuredAt = attempts.Max(a => a.MeasuredAt),
        };
    }

    private static TranscodeAttempt Measured(int attempt, long executionMs, decimal? cost, TimeSpan ago) => new()
    {
        Attempt = attempt,
        JobId = $"job-{attempt}",
        Outcome = MediaStates.Ready,
        ExecutionTimeMs = executionMs,
        DelayTimeMs = 100,
        EstimatedCostUsd = cost,
        MeasuredAt = Now - ago,
    };

    private static TimeSpan Minutes(int minutes) => TimeSpan.FromMinutes(minutes);

    private static TimeSpan Hours(int hours) => TimeSpan.FromHours(hours);
}
