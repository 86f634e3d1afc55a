using MassTransit;
using Transcoding.Contracts;

namespace Transcoding.Messaging.Postgres.Tests.TestModel;

public sealed class CounterSaga : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = "";
    public int Count { get; set; }
    public int Starts { get; set; }
    public int Reminders { get; set; }
    public Guid? ReminderToken { get; set; }

    /// <summary>Stored as jsonb, the way the orchestrator keeps a transcode's outputs.</summary>
    public TranscodeOutputs? Outputs { get; set; }

    /// <summary>Maps to PostgreSQL's xmin: the optimistic concurrency token.</summary>
    public uint Version { get; set; }
}
