using MassTransit;

namespace Transcoding.Orchestrator.Saga;

/// <summary>Endpoint settings of the saga: retries for concurrency conflicts, and an outbox so messages a step
/// publishes leave only after its state was saved.</summary>
public sealed class TranscodeStateDefinition : SagaDefinition<TranscodeState>
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<TranscodeState> sagaConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Intervals(50, 200, 500, 1000, 2000));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
