using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Transcoding.ServiceDefaults.Messaging;

namespace Transcoding.Shared.Tests.ServiceDefaults.Messaging;

/// <summary>What every service's bus gets from <see cref="BusServiceCollectionExtensions.AddTranscodingBus"/>.</summary>
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

    [Fact]
    public void Its_endpoints_stop_waiting_for_consumes_after_the_configured_times()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Bus:ConsumerStopTimeout"] = "00:00:07";
        builder.Configuration["Bus:StopTimeout"] = "00:00:11";
        builder.AddTranscodingBus(_ => { });
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<MassTransitHostOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(7), options.ConsumerStopTimeout);
        Assert.Equal(TimeSpan.FromSeconds(11), options.StopTimeout);
    }

    [Theory]
    [InlineData("00:00:20", "00:00:10")]
    [InlineData("00:00:00", "00:00:10")]
    public async Task Stop_times_that_contradict_each_other_stop_it_at_start_up(string consumerStopTimeout, string stopTimeout)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Bus:ConsumerStopTimeout"] = consumerStopTimeout;
        builder.Configuration["Bus:StopTimeout"] = stopTimeout;
        builder.AddTranscodingBus(_ => { });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("ConsumerStopTimeout", error.Message, StringComparison.Ordinal);
    }
}
