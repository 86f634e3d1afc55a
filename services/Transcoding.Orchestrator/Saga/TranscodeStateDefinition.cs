using MassTransit;
using Transcoding.Messaging.Postgres.Sagas;

namespace Transcoding.Orchestrator.Saga;

/// <summary>Endpoint settings of the saga: retries for optimistic-concurrency conflicts and duplicate creates, and through a
/// PostgreSQL outage or restart. What a step emits waits in the PostgreSQL repository's transactional outbox (or, on the
/// in-memory repository of <c>make run</c>, in MassTransit's in-memory outbox: <see cref="Extensions.AddOrchestratorSagas"/>).</summary>
public sealed class TranscodeStateDefinition : SagaDefinition<TranscodeState>
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<TranscodeState> sagaConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UsePostgresSagaPolicies();
}
