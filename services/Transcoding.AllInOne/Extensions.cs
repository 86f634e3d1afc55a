using Transcoding.Dispatcher;
using Transcoding.Gateway;
using Transcoding.LocalRunPod;
using Transcoding.Orchestrator;
using Transcoding.ServiceDefaults;
using Transcoding.ServiceDefaults.Messaging;

namespace Transcoding.AllInOne;

public static class Extensions
{
    public static WebApplicationBuilder AddAllInOne(this WebApplicationBuilder builder, RunOptions options)
    {
        builder.Configuration.AddInMemoryCollection(EmbeddedDefaults.For(options, builder.ListenOnHeldLoopbackPort()));
        builder.AddServiceDefaults();
        builder.AddOrchestratorServices();
        builder.AddDispatcherServices();
        builder.AddGatewayServices();
        builder.AddLocalRunPod();
        builder.AddTranscodingBus(bus =>
        {
            bus.AddOrchestratorSagas();
            bus.AddDispatcherConsumers();
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<MediaSubmission>();
        builder.Services.AddSingleton<PipelineRun>();
        return builder;
    }

    public static async Task<int> RunPipelineAsync(this WebApplication app)
    {
        await app.StartAsync();
        try
        {
            return await app.Services.GetRequiredService<PipelineRun>().ExecuteAsync(app.Lifetime.ApplicationStopping);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
