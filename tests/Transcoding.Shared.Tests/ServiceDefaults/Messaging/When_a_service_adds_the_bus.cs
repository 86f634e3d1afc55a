using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Transcoding.ServiceDefaults.Messaging;

namespace Transcoding.Shared.Tests.ServiceDefaults.Messaging;

/// <summary>MassTransit's usage telemetry (a report to masstransit.io) is on unless the bus setup turns it off.</summary>
public sealed class When_a_service_adds_the_bus
{
    [Fact]
    public void It_reports_no_usage_telemetry_to_MassTransit()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddTranscodingBus(_ => { });
        using var host = builder.Build();

        Assert.False(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
