using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Transcoding.Dispatcher.Consumers;
using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.RunPod;
using Transcoding.Messaging.Postgres;
using Transcoding.Messaging.Postgres.Leases;
using Transcoding.Messaging.Postgres.Migrations;
using Transcoding.ServiceDefaults;
using Transcoding.ServiceDefaults.Messaging;
using Transcoding.Shared.Storage;

namespace Transcoding.Dispatcher;

public static class Extensions
{
    /// <summary>Connection string naming the PostgreSQL database of the dispatch ledger; without it the ledger is in memory.</summary>
    public const string LedgerConnectionName = "DispatchLedger";

    /// <summary>The dispatcher's services without the bus: options, the RunPod client, the ledger, storage.</summary>
    public static IHostApplicationBuilder AddDispatcherServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RunPodOptions>()
            .BindConfiguration(RunPodOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddObjectStorage(builder.Configuration);
        builder.Services.AddSingleton<RunPodRunRequestFactory>();
        builder.Services.AddSingleton<UnrecordedJobs>();
        builder.Services.AddSingleton<RunPodConfigurationHealth>();
        builder.Services.AddHealthChecks().AddCheck<RunPodConfigurationHealth>(
            RunPodConfigurationHealth.Name, tags: [HostingExtensions.ReadyTag, HostingExtensions.ShowsReasonTag]);

        builder.Services.AddHttpClient<RunPodClient>((services, http) =>
            {
                var options = services.GetRequiredService<IOptions<RunPodOptions>>().Value;
                http.BaseAddress = new Uri($"{options.BaseUrl.TrimEnd('/')}/v2/{Uri.EscapeDataString(options.EndpointId)}/");
                // Validated at start-up (HeaderValueAttribute) and added with header validation: no line break can reach the wire.
                http.DefaultRequestHeaders.Add("Authorization", "Bearer " + options.ApiKey.Trim());

                // The resilience pipeline owns every timeout.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler("runpod", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<RunPodOptions>>().Value;
                pipeline
                    .AddTimeout(options.TotalTimeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        // Default predicate: 408, 429, 5xx, connection failures and attempt timeouts. RunPod has no
                        // idempotency key, so a /run that timed out after RunPod accepted it can yield a second job:
                        // the attempt timeout is kept generous so that only a RunPod that is really stuck gets retried.
                        MaxRetryAttempts = options.MaxRetryAttempts,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = options.RetryBaseDelay,
                        MaxDelay = options.RetryMaxDelay,
                    })
                    .AddTimeout(options.AttemptTimeout);
            });

        builder.Services.AddOptions<DispatchLedgerOptions>()
            .BindConfiguration(DispatchLedgerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var ledgerConnection = builder.Configuration.GetConnectionString(LedgerConnectionName);
        if (string.IsNullOrWhiteSpace(ledgerConnection))
        {
            builder.Services.AddSingleton<IDispatchLedger>(services =>
                new InMemoryDispatchLedger(services.GetRequiredService<TimeProvider>(), Retention(services)));
        }
        else
        {
            PostgresConnectionString.Checked(ledgerConnection, $"ConnectionStrings:{LedgerConnectionName}");
            builder.Services.AddMigratedDbContext<DispatchLedgerDbContext>(ledgerConnection, DispatchLedgerDbContext.HistoryTable);
            builder.Services.AddSingleton<IDispatchLedger>(services =>
                new PostgresDispatchLedger(ledgerConnection, services.GetRequiredService<TimeProvider>(), Retention(services)));
            builder.Services.AddHealthChecks().AddPostgres("dispatch-ledger", ledgerConnection);
        }

        builder.Services.PurgeExpiredRecords<IDispatchLedger>(
            "dispatch-ledger", services => services.GetRequiredService<IOptions<DispatchLedgerOptions>>().Value.CleanupInterval);
        return builder;
    }

    private static TimeSpan Retention(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DispatchLedgerOptions>>().Value.Retention;

    public static IBusRegistrationConfigurator AddDispatcherConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<DispatchTranscodeConsumer, RunPodConsumerDefinition<DispatchTranscodeConsumer>>();
        bus.AddConsumer<PollTranscodeStatusConsumer, RunPodConsumerDefinition<PollTranscodeStatusConsumer>>();
        bus.AddConsumer<CancelTranscodeConsumer, RunPodConsumerDefinition<CancelTranscodeConsumer>>();
        bus.AddConsumer<MeasureTranscodeUsageConsumer, RunPodConsumerDefinition<MeasureTranscodeUsageConsumer>>();
        return bus;
    }

    /// <summary>The dispatcher as its own service: defaults, services and the bus with its consumers.</summary>
    public static IHostApplicationBuilder AddDispatcher(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddDispatcherServices();
        builder.AddTranscodingBus(bus => bus.AddDispatcherConsumers());
        return builder;
    }
}
