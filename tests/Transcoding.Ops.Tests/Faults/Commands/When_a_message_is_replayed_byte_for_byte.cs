using System.Text;
using RabbitMQ.Client;
using Transcoding.Ops.Tests.Infrastructure;

namespace Transcoding.Ops.Tests.Faults.Commands;

/// <summary>The replayed copy, read back from the target queue, against the faulted original (no MassTransit involved).</summary>
public sealed class When_a_message_is_replayed_byte_for_byte : IAsyncLifetime
{
    private RabbitMqVirtualHost _host = null!;

    public async Task InitializeAsync() => _host = await RabbitMqVirtualHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Body_and_properties_are_the_originals_less_the_fault_headers()
    {
        byte[] body = [0x7b, 0xff, 0x00, 0xc3, 0x28, 0x7d, .. Encoding.UTF8.GetBytes("not utf-8 on purpose")];
        var original = new BasicProperties
        {
            MessageId = "8a9f0000-1111-2222-3333-444455556666",
            CorrelationId = "corr-42",
            ContentType = "application/vnd.masstransit+json",
            Type = "urn:message:Transcoding.Contracts:DispatchTranscode",
            DeliveryMode = DeliveryModes.Persistent,
            Headers = new Dictionary<string, object?>
            {
                ["Content-Type"] = Encoding.UTF8.GetBytes("application/vnd.masstransit+json"),
                ["tenant-priority"] = 7,
                ["MT-Reason"] = Encoding.UTF8.GetBytes("fault"),
                ["MT-Fault-ExceptionType"] = Encoding.UTF8.GetBytes("System.TimeoutException"),
                ["MT-Fault-InputAddress"] = Encoding.UTF8.GetBytes($"rabbitmq://127.0.0.1/{_host.Name}/dispatch-transcode"),
                ["MT-Host-MachineName"] = Encoding.UTF8.GetBytes("worker-1"),
            },
        };
        await using (var connection = await _host.ConnectAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync("dispatch-transcode", durable: true, exclusive: false, autoDelete: false);
            await channel.QueueDeclareAsync("dispatch-transcode_error", durable: true, exclusive: false, autoDelete: false);
            await channel.BasicPublishAsync("", "dispatch-transcode_error", mandatory: true, original, body);
        }

        var run = await OpsCli.RunAsync(["faults", "replay", "--id", original.MessageId, "--json", .. _host.CliOptions]);

        Assert.True(run.ExitCode == 0, run.Error);
        var copy = Assert.Single(await _host.DrainAsync("dispatch-transcode"));
        Assert.Equal(body, copy.Body.ToArray());
        var properties = copy.BasicProperties;
        Assert.Equal(
            (original.MessageId, original.CorrelationId, original.ContentType, original.Type, original.DeliveryMode),
            (properties.MessageId, properties.CorrelationId, properties.ContentType, properties.Type, properties.DeliveryMode));
        Assert.Equal(["Content-Type", "tenant-priority"], properties.Headers!.Keys.Order());
        Assert.Equal(original.Headers["Content-Type"], properties.Headers["Content-Type"]);
        Assert.Equal(7, properties.Headers["tenant-priority"]);
        Assert.Equal(0u, await _host.DepthAsync("dispatch-transcode_error"));
    }
}
