using Microsoft.EntityFrameworkCore;
using Transcoding.Contracts;
using Transcoding.Orchestrator.Persistence;
using Transcoding.Orchestrator.Saga;
using Transcoding.Shared.Storage;
using Transcoding.Testing;

namespace Transcoding.Dashboard.Tests;

/// <summary>
/// Saga rows in every state, written to the orchestrator's database as the saga writes them: two uploaded, two
/// transcoding (one past its attempt deadline: stuck), two ready (<see cref="Ready"/> with real outputs, <see cref="AudioOnly"/> with an audio-only record), three failed (<see cref="Retryable"/> with an attempt
/// left, two <c>source_unreadable</c> with none), attempts measured with RunPod's execution times.
/// </summary>
public sealed class SeededItems
{
    private SeededItems(Guid ready) => Ready = ready;

    public Guid Ready { get; }

    /// <summary>Ready with an outputs record of one audio rendition (no picture), files absent: what its page lays out.</summary>
    public Guid AudioOnly { get; } = Guid.NewGuid();

    /// <summary>Failed with <c>output_invalid</c> on attempt 1 of 2: an operator may retry it.</summary>
    public Guid Retryable { get; } = Guid.NewGuid();

    /// <summary>Failed for good with <c>source_unreadable</c>: stays failed whatever the tests do.</summary>
    public Guid Unreadable { get; } = Guid.NewGuid();

    public static async Task<SeededItems> WriteAsync(string connectionString, TranscodeOutputs readyOutputs, Guid readyId)
    {
        var items = new SeededItems(readyId);
        var now = DateTimeOffset.UtcNow;
        var rows = new List<TranscodeState>
        {
            Row(Guid.NewGuid(), "UploadedState", now, attempt: 0),
            Row(Guid.NewGuid(), "UploadedState", now, attempt: 0),
            Row(Guid.NewGuid(), nameof(TranscodeStateMachine.Transcoding), now, attempt: 1, progress: 40, deadline: now.AddMinutes(15)),
            Row(Guid.NewGuid(), nameof(TranscodeStateMachine.Transcoding), now, attempt: 1, progress: 75, deadline: now.AddMinutes(-2)),
            Row(items.Ready, nameof(TranscodeStateMachine.Ready), now, attempt: 1, outputs: readyOutputs, executionMs: 41_500),
            Row(items.AudioOnly, nameof(TranscodeStateMachine.Ready), now, attempt: 1, outputs: AudioOnlyOutputs(items.AudioOnly), executionMs: 12_000),
            Row(items.Retryable, nameof(TranscodeStateMachine.Failed), now, attempt: 1, failure: ("output_invalid", false), executionMs: 9_000),
            Row(items.Unreadable, nameof(TranscodeStateMachine.Failed), now, attempt: 1, failure: ("source_unreadable", true), executionMs: 1_200),
            Row(Guid.NewGuid(), nameof(TranscodeStateMachine.Failed), now, attempt: 1, failure: ("source_unreadable", true), executionMs: 1_100),
        };
        await using var db = new TranscodeDbContext(new DbContextOptionsBuilder<TranscodeDbContext>().UseNpgsql(connectionString).Options);
        db.AddRange(rows);
        await db.SaveChangesAsync();
        return items;
    }

    private static TranscodeOutputs AudioOnlyOutputs(Guid id) => OutputsRecords.Valid(id) with
    {
        Renditions = [new Rendition { Name = "audio", AudioBitrateKbps = 128, PlaylistKey = MediaKeys.RenditionPlaylist(id, "audio") }],
        PosterKey = null,
        Waveform = null,
        Encoder = "",
    };

    private static TranscodeState Row(
        Guid id, string state, DateTimeOffset now, int attempt, double progress = 0, TranscodeOutputs? outputs = null,
        (string Code, bool Permanent)? failure = null, long? executionMs = null, DateTimeOffset? deadline = null)
    {
        var to = TranscodeStateMachine.StateOf(new TranscodeState { CurrentState = state });
        var uploaded = now.AddMinutes(-10);
        var history = new List<TransitionRecord> { new(null, MediaStates.Uploaded, uploaded, 0, "MediaUploaded") };
        if (attempt > 0)
        {
            history.Add(new(MediaStates.Uploaded, MediaStates.Transcoding, uploaded.AddSeconds(5), 1, "dispatched"));
        }

        if (to is MediaStates.Ready or MediaStates.Failed)
        {
            history.Add(new(MediaStates.Transcoding, to, now.AddMinutes(-1), attempt, failure?.Code ?? "completed"));
        }

        return new TranscodeState
        {
            CorrelationId = id,
            CurrentState = state,
            SourceKey = $"uploads/{id:N}.mp4",
            SizeBytes = 1_000_000,
            UploadedAt = uploaded,
            Attempt = attempt,
            MaxAttempts = 2,
            JobId = attempt > 0 ? $"job-{id:N}" : null,
            Progress = progress,
            FailureCode = failure?.Code,
            FailureMessage = failure is null ? null : $"seeded {failure.Value.Code}",
            FailurePermanent = failure?.Permanent ?? false,
            Outputs = outputs,
            History = history,
            Attempts = attempt == 0 ? [] :
            [
                new TranscodeAttempt
                {
                    Attempt = 1,
                    JobId = $"job-{id:N}",
                    Outcome = to is MediaStates.Ready or MediaStates.Failed ? to : null,
                    Encoder = "libx264",
                    DelayTimeMs = 800,
                    ExecutionTimeMs = executionMs,
                    EstimatedCostUsd = executionMs / 1000m * 0.0002m,
                    MeasuredAt = executionMs is null ? null : now.AddMinutes(-1),
                },
            ],
            UpdatedAt = now.AddMinutes(-1),
            CreatedAt = uploaded,
            DeadlineAt = deadline,
            LastMeasuredAt = executionMs is null ? null : now.AddMinutes(-1),
        };
    }
}
