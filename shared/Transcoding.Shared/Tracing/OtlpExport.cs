using Microsoft.Extensions.Configuration;
using OpenTelemetry;

namespace Transcoding.Shared.Tracing;

/// <summary>
/// OTLP export for the services and the worker, as eShop's service defaults do it: on only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard OTEL_* variables choose protocol, headers and batching),
/// and then for logs as well as traces and metrics.
/// </summary>
public static class OtlpExport
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Whether <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (in the environment or any other configuration source).</summary>
    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[EndpointVariable]);

    /// <summary>
    /// Every signal of <paramref name="telemetry"/> sent over OTLP. A log record's body is its formatted message and its
    /// attributes are the message's values and those of the scopes around it; it is written only after the host's log
    /// filters (<c>RawPathLogFilter</c> among them) let it through, like a console line.
    /// </summary>
    public static IOpenTelemetryBuilder ExportOverOtlp(this IOpenTelemetryBuilder telemetry) => telemetry
        .WithLogging(configureBuilder: null, configureOptions: logs =>
        {
            logs.IncludeFormattedMessage = true;
            logs.IncludeScopes = true;
        })
        .UseOtlpExporter();
}
