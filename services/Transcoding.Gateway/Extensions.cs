using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Instrumentation.AspNetCore;
using Transcoding.Gateway.Callbacks;
using Transcoding.Gateway.Deduplication;
using Transcoding.Gateway.Delivery;
using Transcoding.Gateway.Endpoints;
using Transcoding.Gateway.Options;
using Transcoding.Gateway.Verification;
using Transcoding.ServiceDefaults;
using Transcoding.ServiceDefaults.Messaging;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway;

public static class Extensions
{
    public const string RunPodRoutePrefix = "/webhooks/runpod/";

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
        services.AddOptions<WebhookOptions>()
            .Bind(builder.Configuration.GetSection(WebhookOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
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
            services.AddSingleton<IWebhookDeduplicator>(provider =>
                new PostgresWebhookDeduplicator(NpgsqlDataSource.Create(dedupConnectionString), provider.GetRequiredService<TimeProvider>()));
        }

        services.AddHostedService<DedupMaintenanceService>();

        // The RunPod route carries its token in the path. ASP.NET Core's hosting diagnostics write the path into the
        // "Request starting/finished" lines and into the RequestPath scope of every log line, so that category stays off.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);

        // For the same reason the request span must not carry the raw path to the tracing backend.
        services.Configure<AspNetCoreTraceInstrumentationOptions>(tracing => tracing.EnrichWithHttpRequest = (activity, request) =>
        {
            if (request.Path.StartsWithSegments(RunPodRoutePrefix.TrimEnd('/'), StringComparison.Ordinal))
            {
                activity.SetTag("url.path", RunPodRoutePrefix + "{mediaId}/{attempt}/{token}");
            }
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/webhooks/transcode", (HttpContext context, TranscodeWebhookEndpoint endpoint) => endpoint.HandleAsync(context));
        endpoints.MapPost(RunPodRoutePrefix + "{mediaId:guid}/{attempt:int}/{token}",
            (Guid mediaId, int attempt, string token, HttpContext context, RunPodWebhookEndpoint endpoint) =>
                endpoint.HandleAsync(mediaId, attempt, token, context));
        return endpoints;
    }
}
