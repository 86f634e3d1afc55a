using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Transcoding.ServiceDefaults;
using Transcoding.ServiceDefaults.Messaging;
using Transcoding.Testing;

namespace Transcoding.Shared.Tests.ServiceDefaults.Messaging;

/// <summary>With <c>Bus:ManagementUrl</c> set, the gauge reports each queue's messages as RabbitMQ counts them.</summary>
public sealed class When_queue_depth_is_reported
{
    [Fact]
    public async Task A_queue_holding_three_messages_reads_three_ready()
    {
        await using var vhost = await RabbitMqVirtualHost.CreateAsync();
        (await vhost.Management.PutAsJsonAsync($"/api/queues/{vhost.Name}/waiting", new { durable = true })).EnsureSuccessStatusCode();
        for (var i = 0; i < 3; i++)
        {
            var message = new { properties = new { }, routing_key = "waiting", payload = $"message {i}", payload_encoding = "string" };
            (await vhost.Management.PostAsJsonAsync($"/api/exchanges/{vhost.Name}/amq.default/publish", message)).EnsureSuccessStatusCode();
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMqUri"] = vhost.AmqpUri,
            ["Bus:ManagementUrl"] = vhost.ManagementUrl,
            ["Bus:QueueDepthInterval"] = "00:00:00.200",
        });
        builder.AddTranscodingBus(_ => { });
        using var host = builder.Build();
        using var gauge = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), Telemetry.SourceName, QueueDepthMonitor.InstrumentName);
        await host.StartAsync();
        try
        {
            // The management API refreshes its counters every few seconds: wait for the broker's count to show.
            await Eventually.Until(
                () =>
                {
                    gauge.RecordObservableInstruments();
                    return gauge.GetMeasurementSnapshot().LastOrDefault(m => (string?)m.Tags["queue"] == "waiting" && (string?)m.Tags["state"] == "ready")?.Value;
                },
                ready => ready == 3, "the gauge to read 3 ready messages for queue 'waiting'",
                describe: ready => ready?.ToString() ?? "nothing");
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
