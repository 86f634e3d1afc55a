using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Transcoding.ServiceDefaults.Messaging;

namespace Transcoding.Shared.Tests.ServiceDefaults.Messaging;

/// <summary><c>Bus:QuorumQueues</c> decides the type of every receive endpoint's queue, and messages still flow.</summary>
public sealed class When_endpoints_are_declared_on_RabbitMQ
{
    [Theory]
    [InlineData(true, "quorum")]
    [InlineData(false, "classic")]
    public async Task The_queue_type_follows_the_setting(bool quorum, string expectedType)
    {
        await using var vhost = await RabbitMqVirtualHost.CreateAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMqUri"] = vhost.AmqpUri,
            ["Bus:QuorumQueues"] = quorum.ToString(),
        });
        var received = new TaskCompletionSource<Ping>(TaskCreationOptions.RunContinuationsAsynchronously);
        builder.Services.AddSingleton(received);
        builder.AddTranscodingBus(bus => bus.AddConsumer<PingConsumer>());

        // A message published before the consumer's queue is bound would be dropped.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var ping = new Ping(Guid.NewGuid());
            await host.Services.GetRequiredService<IBus>().Publish(ping);
            Assert.Equal(ping, await received.Task.WaitAsync(TimeSpan.FromSeconds(30)));

            var queues = await vhost.Management.GetFromJsonAsync<JsonElement>($"/api/queues/{vhost.Name}");
            var consumerQueue = queues.EnumerateArray().Single(q => q.GetProperty("name").GetString() == "ping");
            Assert.Equal(expectedType, consumerQueue.GetProperty("type").GetString());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public sealed record Ping(Guid Id);

    public sealed class PingConsumer(TaskCompletionSource<Ping> received) : IConsumer<Ping>
    {
        public Task Consume(ConsumeContext<Ping> context)
        {
            received.TrySetResult(context.Message);
            return Task.CompletedTask;
        }
    }
}
