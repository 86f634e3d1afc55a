using MassTransit;
using Transcoding.Orchestrator.Saga;
using Transcoding.ServiceDefaults;
using Transcoding.ServiceDefaults.Messaging;

namespace Transcoding.Orchestrator;

public static class Extensions
{
    /// <summary>The orchestrator as its own deployable.</summary>
    public static IHostApplicationBuilder AddOrchestrator(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddOrchestratorServices();
        builder.AddTranscodingBus(bus => bus.AddOrchestratorSagas());
        return builder;
    }

    public static IHostApplicationBuilder AddOrchestratorServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TranscodeSagaSettings>()
            .Bind(builder.Configuration.GetSection(TranscodeSagaSettings.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOpenApi();
        return builder;
    }

    public static IBusRegistrationConfigurator AddOrchestratorSagas(this IBusRegistrationConfigurator bus)
    {
        bus.AddSagaStateMachine<TranscodeStateMachine, TranscodeState, TranscodeStateDefinition>()
            .InMemoryRepository();
        return bus;
    }
}
