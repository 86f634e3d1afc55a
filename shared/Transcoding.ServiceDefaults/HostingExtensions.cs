using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Transcoding.Shared.Redaction;
using Transcoding.Shared.Tracing;

namespace Transcoding.ServiceDefaults;

public static class HostingExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>A check whose description, when it fails, is written on the health endpoints: it must hold no secret.</summary>
    public const string ShowsReasonTag = "shows-reason";

    internal const string HealthPath = "/health";

    /// <summary>Log levels a service has unless its configuration sets them (<c>Logging:LogLevel:&lt;category or a prefix of it&gt;</c>).</summary>
    private static readonly Dictionary<string, LogLevel> QuietLogDefaults = new()
    {
        ["Microsoft.EntityFrameworkCore.Database.Command"] = LogLevel.Warning,
    };

    /// <summary>
    /// Telemetry and health checks every service has. Traces: MassTransit, ASP.NET Core (not the health probes), HttpClient
    /// and Npgsql (EF Core's commands included), background polls dropped (<see cref="BackgroundCallSampler"/>). The
    /// service name is the project's unless <c>OTEL_SERVICE_NAME</c> (or <c>OTEL_RESOURCE_ATTRIBUTES</c>) says otherwise.
    /// Request paths and URLs reach logs and spans only through <see cref="UrlRedaction"/>: a route may carry a
    /// credential (the RunPod webhook token). Traces, metrics and logs go over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// is set (<see cref="OtlpExport"/>), nowhere else.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName).AddEnvironmentVariableDetector())
            .WithTracing(tracing => tracing
                .SetSampler(BackgroundCallSampler.Create())
                .AddSource("MassTransit")
                .AddSource(Telemetry.SourceName)
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments(HealthPath);
                    aspNetCore.EnrichWithHttpRequest = (activity, request) => activity.SetTag("url.path", UrlRedaction.Path(request.Path.Value));
                })
                .AddRedactedHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter("MassTransit")
                .AddMeter(Telemetry.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddRuntimeInstrumentation());

        if (OtlpExport.IsConfigured(builder.Configuration))
        {
            builder.Services.AddOpenTelemetry().ExportOverOtlp();
        }

        // EF Core logs each command at Information, and the saga scheduler and the outbox dispatcher poll every second;
        // configuration still decides. (Not a configuration source below the others: adding one reloads every provider
        // and loses values set in code before, OTEL_SERVICE_NAME in a test for one.)
        var configuration = builder.Configuration;
        builder.Services.Configure<LoggerFilterOptions>(options =>
        {
            foreach (var (category, level) in QuietLogDefaults.Where(quiet => !IsLevelConfigured(configuration, quiet.Key)))
            {
                options.Rules.Add(new LoggerFilterRule(null, category, level, null));
            }
        });
        builder.Services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>, RawPathLogFilter>();
        builder.Services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = RedactedRequestLogging.Fields;
            logging.CombineLogs = true;
        });
        builder.Services.AddHttpLoggingInterceptor<RedactedRequestLogging>();
        RedactedHttpClientLogger.AddTo(builder.Services);

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy());
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c> (process up) and <c>/health/ready</c> (dependencies such as the broker), open to anyone even
    /// where the host asks every other route for credentials (probes carry none), and the request log ahead of every
    /// endpoint mapped after this call.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseHttpLogging();
        app.MapHealthChecks(HealthPath + "/live", new HealthCheckOptions { Predicate = check => check.Name == "self", ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(HealthPath + "/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag) || check.Name == "self",
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        return app;
    }

    /// <summary>Whether <c>Logging:LogLevel</c> names the category or one of its prefixes (<c>Microsoft.EntityFrameworkCore</c>).</summary>
    private static bool IsLevelConfigured(IConfiguration configuration, string category)
    {
        for (var prefix = category; prefix.Length > 0; prefix = prefix.Contains('.', StringComparison.Ordinal) ? prefix[..prefix.LastIndexOf('.')] : "")
        {
            if (configuration[$"Logging:LogLevel:{prefix}"] is not null)
            {
                return true;
            }
        }

        return false;
    }
}
