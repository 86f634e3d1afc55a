using MassTransit;
using Transcoding.Contracts;

namespace Transcoding.Orchestrator.Saga;

/// <summary>The saga instance: one per media item, keyed by its media id.</summary>
public class TranscodeState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = "";

    public string SourceKey { get; set; } = "";

    public string ContentType { get; set; } = "";

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

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Why the current attempt waits without being spent (RunPod refuses the dispatcher's configuration); null when it does not.</summary>
    public string? WaitingReason { get; set; }

    /// <summary>When the current attempt started waiting (the first <c>TranscodeWaiting</c>); null when it does not wait.</summary>
    public DateTimeOffset? WaitingSince { get; set; }

    /// <summary>Token of the scheduled <see cref="AttemptDeadlineExpired"/> of the current attempt.</summary>
    public Guid? DeadlineTokenId { get; set; }

    /// <summary>Optimistic concurrency token (PostgreSQL <c>xmin</c> when persisted there).</summary>
    public uint Version { get; set; }

    public bool HasAttemptsLeft => Attempt < MaxAttempts;
}
