using MassTransit;
using Transcoding.Contracts;

namespace Transcoding.Orchestrator.Saga;

/// <summary>The saga instance: one per media item, keyed by its media id.</summary>
public class TranscodeState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = "";

    public string SourceKey { get; set; } = "";

    public long SizeBytes { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>Number of the current GPU job attempt (1-based); 0 before the first dispatch.</summary>
    public int Attempt { get; set; }

    public int MaxAttempts { get; set; }

    public string? JobId { get; set; }

    public double Progress { get; set; }

    public string? FailureCode { get; set; }

    public string? FailureMessage { get; set; }

    public bool FailurePermanent { get; set; }

    public TranscodeOutputs? Outputs { get; set; }

    public List<TransitionRecord> History { get; set; } = [];

    /// <summary>One record per attempt: job, outcome, RunPod's usage figures.</summary>
    public List<TranscodeAttempt> Attempts { get; set; } = [];

    /// <summary>When the last transition happened (<c>Record</c> is its only writer): for a ready or failed item, when it got there.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the saga row was created (the upload first seen), by the orchestrator's clock; never changed after.
    /// With <see cref="CorrelationId"/> the list's order and cursor key: items created later never sort before it.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the current attempt's deadline passes: its start (or its dispatch after waiting) plus
    /// <see cref="TranscodeSagaSettings.AttemptTimeout"/>; polls after it do not move it. Null once the item ended. A
    /// transcoding item past it is stuck (status API stats).</summary>
    public DateTimeOffset? DeadlineAt { get; set; }

    /// <summary>The latest <see cref="TranscodeAttempt.MeasuredAt"/> of its attempts; null before any measurement. Lets the
    /// stats find the attempts measured inside a window through an index instead of reading every row's attempts.</summary>
    public DateTimeOffset? LastMeasuredAt { get; set; }

    /// <summary>Why the current attempt waits without being spent (RunPod refuses the dispatcher's configuration); null when it does not.</summary>
    public string? WaitingReason { get; set; }

    /// <summary>When the current attempt started waiting (the first <c>TranscodeWaiting</c>); null when it does not wait.</summary>
    public DateTimeOffset? WaitingSince { get; set; }

    /// <summary>Token of the scheduled <see cref="AttemptDeadlineExpired"/> of the current attempt.</summary>
    public Guid? DeadlineTokenId { get; set; }

    /// <summary>Optimistic concurrency token (PostgreSQL <c>xmin</c> when persisted there).</summary>
    public uint Version { get; set; }

    /// <summary>The usage as known now: what the status API shows and the outbound events carry.</summary>
    public MediaGpuUsage Usage => new()
    {
        Attempts = [.. Attempts],
        GpuSeconds = Attempts.Sum(a => a.GpuSeconds ?? 0),
        EstimatedCostUsd = Attempts.Any(a => a.EstimatedCostUsd is not null) ? Attempts.Sum(a => a.EstimatedCostUsd ?? 0) : null,
        Complete = Attempts.All(a => a.MeasuredAt is not null),
    };

    /// <summary>The record of attempt <paramref name="attempt"/>, created when missing (rows saved before attempts were recorded).</summary>
    public TranscodeAttempt AttemptRecord(int attempt) =>
        Attempts.Find(a => a.Attempt == attempt) ?? new TranscodeAttempt { Attempt = attempt };

    /// <summary>Replaces (or adds, in order) the record of its attempt.</summary>
    public void Save(TranscodeAttempt record)
    {
        var index = Attempts.FindIndex(a => a.Attempt == record.Attempt);
        if (index >= 0)
        {
            Attempts[index] = record;
            return;
        }

        Attempts.Add(record);
        Attempts.Sort((left, right) => left.Attempt.CompareTo(right.Attempt));
    }
}
