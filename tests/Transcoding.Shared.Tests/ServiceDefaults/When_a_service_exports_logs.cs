using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using Transcoding.ServiceDefaults;

namespace Transcoding.Shared.Tests.ServiceDefaults;

/// <summary>
/// Logs leave a service over OTLP beside its traces and metrics when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (a real
/// OTLP/HTTP endpoint on loopback receives them), with the formatted message, the message's values, its scopes' values
/// and the trace it was written in; without the variable no OpenTelemetry logger is added at all.
/// </summary>
public sealed class When_a_service_exports_logs
{
    [Fact]
    public async Task A_log_record_reaches_the_OTLP_endpoint_with_its_message_values_scope_and_trace()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var mediaId = Guid.NewGuid().ToString();
        string traceId;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(receiver.ExporterSettings);
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var logger = host.Services.GetRequiredService<ILogger<When_a_service_exports_logs>>();
            using (var operation = Telemetry.Source.StartActivity("operation"))
            using (logger.BeginScope(new Dictionary<string, object> { ["MessageId"] = "message-1" }))
            {
                traceId = operation!.TraceId.ToHexString();
                Log.Transcoded(logger, mediaId);
            }

            // Stopping and disposing the host shuts the logger provider down, which exports what it holds.
            await host.StopAsync();
        }

        var record = Assert.Single(receiver.Logs, r => r.Category == typeof(When_a_service_exports_logs).FullName);
        Assert.Equal((builder.Environment.ApplicationName, "Information", $"Media {mediaId} transcoded"), (record.Service, record.Severity, record.Body));
        Assert.Equal(mediaId, record.Attributes["MediaId"]);
        Assert.Equal("message-1", record.Attributes["MessageId"]);
        Assert.Equal(traceId, record.TraceId);
    }

    [Fact]
    public void Without_an_endpoint_no_OpenTelemetry_logger_is_added()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = null;
        builder.AddServiceDefaults();
        using var host = builder.Build();

        Assert.DoesNotContain(host.Services.GetServices<ILoggerProvider>(), provider => provider is OpenTelemetryLoggerProvider);
    }
}
