using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using Transcoding.Worker.Serverless;

namespace Transcoding.Worker.Tests;

/// <summary>
/// Traces, metrics and logs leave the worker only with an OTLP endpoint, under <c>transcoding-worker</c> unless
/// <c>OTEL_SERVICE_NAME</c> is set.
/// </summary>
public sealed class WorkerTelemetryTests
{
    [Fact]
    public void Without_an_OTLP_endpoint_nothing_traces_or_exports_logs()
    {
        using var host = Build([new("OTEL_EXPORTER_OTLP_ENDPOINT", null)]);

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.DoesNotContain(host.Services.GetServices<ILoggerProvider>(), provider => provider is OpenTelemetryLoggerProvider);
    }

    [Theory]
    [InlineData(null, Extensions.ServiceName)]
    [InlineData("worker-l4", "worker-l4")]
    public void The_service_name_is_transcoding_worker_unless_OTEL_SERVICE_NAME_is_set(string? configured, string expected)
    {
        // Port 9 (discard): nothing is exported in this test, and nothing listens there.
        using var host = Build([new("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"), new("OTEL_SERVICE_NAME", configured)]);

        var resource = host.Services.GetRequiredService<TracerProvider>().GetResource();
        Assert.Equal(expected, resource.Attributes.Single(a => a.Key == "service.name").Value);
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_a_worker_log_line_is_exported_with_its_values()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using (var host = Build(receiver.ExporterSettings))
        {
            Log.JobRejected(host.Services.GetRequiredService<ILogger<ServerlessWorker>>(), "job-1", "no input");
        }

        // Disposing the host shut the logger provider down, which exported what it held.
        var record = Assert.Single(receiver.Logs, r => r.Category == typeof(ServerlessWorker).FullName);
        Assert.Equal((Extensions.ServiceName, "Warning", "Job job-1 rejected: no input"), (record.Service, record.Severity, record.Body));
        Assert.Equal("job-1", record.Attributes["JobId"]);
    }

    private static IHost Build(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddWorkerTelemetry();
        return builder.Build();
    }
}
