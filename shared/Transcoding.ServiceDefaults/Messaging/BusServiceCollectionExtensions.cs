using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Transcoding.ServiceDefaults.Messaging;

public static class BusServiceCollectionExtensions
{
    /// <summary>
    /// Adds MassTransit on the transport named by <c>Bus:Transport</c>. Each service adds its own consumers and sagas
    /// through <paramref name="configure"/>, so one process can host several services on the in-memory transport.
    /// </summary>
    public static IHostApplicationBuilder AddTranscodingBus(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> configure)
    {
        var options = builder.Configuration.GetSection(BusOptions.SectionName).Get<BusOptions>() ?? new BusOptions();
        builder.Services.AddOptions<BusOptions>()
            .BindConfiguration(BusOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.ConsumerStopTimeout = options.ConsumerStopTimeout;
            host.StopTimeout = options.StopTimeout;
        });

        if (options.Transport == BusTransport.RabbitMq && !string.IsNullOrWhiteSpace(options.ManagementUrl))
        {
            builder.Services.AddHttpClient(nameof(QueueDepthMonitor));
            builder.Services.AddMetrics().AddHostedService<QueueDepthMonitor>();
        }

        builder.Services.AddMassTransit(bus =>
        {
            // On by default it posts usage data to masstransit.io, and logs a warning per process where the internet
            // is out of reach (tests, the chaos run, closed networks).
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            configure(bus);

            if (options.Transport == BusTransport.RabbitMq)
            {
                if (options.QuorumQueues)
                {
                    bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
                    {
                        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                        {
                            rabbit.SetQuorumQueue();
                        }
                    });
                }

                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(options.RabbitMqUri));
                    cfg.PrefetchCount = options.PrefetchCount;
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                // The in-memory transport delays messages natively; RabbitMQ would need a broker plugin we do not have.
                bus.AddDelayedMessageScheduler();
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.UseDelayedMessageScheduler();
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        return builder;
    }
}
