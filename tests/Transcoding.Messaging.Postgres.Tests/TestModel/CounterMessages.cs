using MassTransit;
using Transcoding.Contracts;

namespace Transcoding.Messaging.Postgres.Tests.TestModel;

public record StartCounter(Guid CorrelationId) : CorrelatedBy<Guid>;

public record IncrementCounter(Guid CorrelationId) : CorrelatedBy<Guid>;

public record CompleteCounter(Guid CorrelationId, TranscodeOutputs Outputs) : CorrelatedBy<Guid>;

public record FinishCounter(Guid CorrelationId) : CorrelatedBy<Guid>;

/// <summary>Its step increments, publishes <see cref="CounterFailing"/>, then throws.</summary>
public record FailCounter(Guid CorrelationId) : CorrelatedBy<Guid>;

public record CounterFailing(Guid CorrelationId) : CorrelatedBy<Guid>;

public record RequestReminder(Guid CorrelationId, int DelayMilliseconds) : CorrelatedBy<Guid>;

public record CancelReminder(Guid CorrelationId) : CorrelatedBy<Guid>;

public record CounterReminder(Guid CorrelationId) : CorrelatedBy<Guid>;

public record CounterReminded(Guid CorrelationId, int Reminders) : CorrelatedBy<Guid>;

/// <summary>What the scheduler tests schedule.</summary>
public record Ping(Guid PingId, string Text);
