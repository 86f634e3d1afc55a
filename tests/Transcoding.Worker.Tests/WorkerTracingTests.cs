using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Transcoding.Worker.Tests;

/// <summary>Tracing is on only with an OTLP endpoint, under <c>transcoding-worker</c> unless <c>OTEL_SERVICE_NAME</c> is set.</summary>
public sealed class WorkerTracingTests
{
    [Fact]
    public void Without_an_OTLP_endpoint_nothing_traces()
    {
        using var host = Build(endpoint: null, serviceName: null);

        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    [Theory]
    [InlineData(null, Extensions.ServiceName)]
    [InlineData("worker-l4", "worker-l4")]
    public void The_service_name_is_transcoding_worker_unless_OTEL_SERVICE_NAME_is_set(string? configured, string expected)
    {
        // Port 9 (discard): nothing is exported in this test, and nothing listens there.
        using var host = Build("http://127.0.0.1:9", configured);

        var resource = host.Services.GetRequiredService<TracerProvider>().GetResource();
        Assert.Equal(expected, resource.Attributes.Single(a => a.Key == "service.name").Value);
    }

    private static IHost Build(string? endpoint, string? serviceName)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
        builder.Configuration["OTEL_SERVICE_NAME"] = serviceName;
        builder.AddWorkerTracing();
        return builder.Build();
    }
}
