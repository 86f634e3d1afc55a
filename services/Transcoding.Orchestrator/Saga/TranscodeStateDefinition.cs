using MassTransit;
using Transcoding.Messaging.Postgres.Sagas;

namespace Transcoding.Orchestrator.Saga;

/// <summary>Endpoint settings of the saga: retries for optimistic-concurrency conflicts and duplicate creates, and an
/// outbox so messages a step publishes leave only after its state was saved.</summary>
public sealed class TranscodeStateDefinition : SagaDefinition<TranscodeState>
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<TranscodeState> sagaConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UsePostgresSagaPolicies(context);
}
