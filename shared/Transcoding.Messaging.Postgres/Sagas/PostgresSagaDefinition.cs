using MassTransit;

namespace Transcoding.Messaging.Postgres.Sagas;

/// <summary>
/// Saga definition applying <see cref="PostgresSagaEndpointExtensions.UsePostgresSagaPolicies"/>; use it as is
/// (<c>AddSagaStateMachine&lt;TMachine, TSaga, PostgresSagaDefinition&lt;TSaga&gt;&gt;()</c>) or derive to set the endpoint name.
/// </summary>
public class PostgresSagaDefinition<TSaga> : SagaDefinition<TSaga>
    where TSaga : class, ISaga
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<TSaga> sagaConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UsePostgresSagaPolicies();
}
