using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Transcoding.Gateway.Callbacks;
using Transcoding.Gateway.Deduplication;
using Transcoding.Gateway.Delivery;
using Transcoding.Gateway.Endpoints;
using Transcoding.Gateway.Options;
using Transcoding.Gateway.Verification;
using Transcoding.Messaging.Postgres;
using Transcoding.Messaging.Postgres.Leases;
using Transcoding.Messaging.Postgres.Migrations;
using Transcoding.ServiceDefaults;
using Transcoding.ServiceDefaults.Messaging;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway;

public static class Extensions
{
    /// <summary>The gateway as its own deployable: defaults, its services, and a bus it only publishes on.</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddGatewayServices();
        builder.AddTranscodingBus(_ => { });
        return builder;
    }

    /// <summary>Options, verification, dedup store and endpoint handlers; no bus, so one process can host several services.</summary>
    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var webhooks = builder.Configuration.GetSection(WebhookOptions.SectionName);
        services.AddOptions<WebhookOptions>().Bind(webhooks);
        // Configure, not Bind: the start-up check must not be re-run (and throw) from inside a configuration reload.
        services.AddOptions<WebhookOptions>(WebhookOptions.StartupCheck).Configure(options => webhooks.Bind(options)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WebhookKeyRing>();
        services.AddSingleton<IValidator<TranscodeCallback>, TranscodeCallbackValidator>();
        services.AddScoped<DeliveryPublisher>();
        services.AddScoped<TranscodeWebhookEndpoint>();
        services.AddScoped<RunPodWebhookEndpoint>();

        var dedupConnectionString = builder.Configuration[$"{WebhookOptions.SectionName}:{nameof(WebhookOptions.DedupConnectionString)}"]
            ?? builder.Configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(dedupConnectionString))
        {
            services.AddSingleton<IWebhookDeduplicator, InMemoryWebhookDeduplicator>();
        }
        else
        {
            PostgresConnectionString.Checked(dedupConnectionString, $"{WebhookOptions.SectionName}:{nameof(WebhookOptions.DedupConnectionString)} or ConnectionStrings:Postgres");
            services.AddMigratedDbContext<WebhookDeliveryDbContext>(dedupConnectionString, WebhookDeliveryDbContext.HistoryTable);
            services.AddSingleton<IWebhookDeduplicator>(provider =>
                new PostgresWebhookDeduplicator(NpgsqlDataSource.Create(dedupConnectionString), provider.GetRequiredService<TimeProvider>()));
            services.AddHealthChecks().AddPostgres("dedup-store", dedupConnectionString);
        }

        services.PurgeExpiredRecords<IWebhookDeduplicator>(
            "webhook-dedup", provider => provider.GetRequiredService<IOptions<WebhookOptions>>().Value.DedupCleanupInterval);

        return builder;
    }

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Signed callbacks authenticate themselves: open even in a host whose fallback policy asks for a caller (the all-in-one).
        var webhooks = endpoints.MapGroup("").AddEndpointFilter<DatabaseUnavailableFilter>().AllowAnonymous();
        webhooks.MapPost(WebhookRoutes.Transcode, (HttpContext context, TranscodeWebhookEndpoint endpoint) => endpoint.HandleAsync(context));
        webhooks.MapPost(WebhookRoutes.RunPod + "/{mediaId:guid}/{attempt:int}/{token}",
            (Guid mediaId, int attempt, string token, HttpContext context, RunPodWebhookEndpoint endpoint) =>
                endpoint.HandleAsync(mediaId, attempt, token, context));
        return endpoints;
    }
}
