using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcoding.Messaging.Postgres;
using Transcoding.Messaging.Postgres.Migrations;
using Transcoding.Messaging.Postgres.Sagas;
using Transcoding.Messaging.Postgres.Scheduling;
using Transcoding.Orchestrator.Auth;
using Transcoding.Orchestrator.FaultsApi;
using Transcoding.Orchestrator.Persistence;
using Transcoding.Orchestrator.Playback;
using Transcoding.Orchestrator.Queries;
using Transcoding.Orchestrator.Saga;
using Transcoding.ServiceDefaults;
using Transcoding.ServiceDefaults.Messaging;
using Transcoding.Shared.Storage;

namespace Transcoding.Orchestrator;

public static class Extensions
{
    public const string ConnectionStringName = "Postgres";

    /// <summary>
    /// The orchestrator as its own deployable: with <c>ConnectionStrings:Postgres</c> the saga and its deadlines live in
    /// PostgreSQL (required on RabbitMQ); without it, in memory (one process, <c>make run</c>).
    /// </summary>
    public static IHostApplicationBuilder AddOrchestrator(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddOrchestratorServices();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var transport = builder.Configuration.GetSection(BusOptions.SectionName).Get<BusOptions>()?.Transport ?? BusTransport.InMemory;
            if (transport != BusTransport.InMemory)
            {
                throw new OptionsValidationException(ConnectionStringName, typeof(string),
                    ["ConnectionStrings:Postgres is required on RabbitMQ: saga state and attempt deadlines must survive a restart."]);
            }

            builder.AddTranscodingBus(bus => bus.AddOrchestratorSagas());
            return builder;
        }

        PostgresConnectionString.Checked(connectionString, $"ConnectionStrings:{ConnectionStringName}");
        builder.Services.AddDbContext<TranscodeDbContext>(db => db.UseNpgsql(connectionString));
        builder.Services.AddScoped<IMediaQueries, PostgresMediaQueries>();
        builder.Services.MigrateDatabaseOnStartup<TranscodeDbContext>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TranscodeDbContext>("postgres", tags: [HostingExtensions.ReadyTag]);
        builder.AddTranscodingBus(bus =>
        {
            bus.AddSagaStateMachine<TranscodeStateMachine, TranscodeState, TranscodeStateDefinition>()
                .PostgresRepository<TranscodeState, TranscodeDbContext>();
            bus.AddPostgresMessageScheduler<TranscodeDbContext>();
        });
        return builder;
    }

    public static IHostApplicationBuilder AddOrchestratorServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TranscodeSagaSettings>()
            .Bind(builder.Configuration.GetSection(TranscodeSagaSettings.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMetrics().AddSingleton<TranscodeMetrics>();
        builder.Services.AddOpenApi(options => options.AddCredentials());
        builder.Services.AddOrchestratorAuth(builder.Configuration);

        // Playback reads outputs from the bucket and signs links to them.
        builder.Services.AddObjectStorage(builder.Configuration);
        builder.Services.AddOptions<PlaybackOptions>()
            .Bind(builder.Configuration.GetSection(PlaybackOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PlaybackSigner>();
        builder.Services.AddSingleton<PlaybackUrls>();
        builder.Services.AddFaultsApi(builder.Environment.ApplicationName);
        return builder;
    }

    /// <summary>The saga on the in-memory repository: <c>make run</c> and the harness tests. One process holds state and
    /// messages alike, so MassTransit's in-memory outbox (messages leave after the step) is all the outbox it needs. The
    /// status API's list and stats read the same repository (<see cref="InMemoryMediaQueries"/>).</summary>
    public static IBusRegistrationConfigurator AddOrchestratorSagas(this IBusRegistrationConfigurator bus)
    {
        bus.AddScoped<IMediaQueries, InMemoryMediaQueries>();
        bus.AddSagaStateMachine<TranscodeStateMachine, TranscodeState, TranscodeStateDefinition>()
            .InMemoryRepository()
            .Endpoint(e => e.AddConfigureEndpointCallback((context, endpoint) => endpoint.UseInMemoryOutbox(context)));
        return bus;
    }
}
