using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Transcoding.Gateway.Tests.Infrastructure;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Endpoints;

/// <summary>The gateway on a real RabbitMQ (TEST_RABBITMQ_URI), and on a broker address where nothing listens.</summary>
public sealed class RabbitMqPublishTests
{
    private readonly string _secret = WebhookSecret.Generate();

    [Fact]
    public async Task When_a_completion_is_accepted_on_RabbitMQ_a_consumer_receives_TranscodeCompleted()
    {
        var mediaId = Guid.NewGuid();
        var received = new ReceivedCompletion(mediaId);
        using var consumer = await StartConsumerAsync(TestServers.RabbitMqUri, received);
        await using var gateway = await GatewayHost.StartAsync(Settings(TestServers.RabbitMqUri), GatewayHost.Bus.Configured);
        var report = Reports.Completed(mediaId);

        var response = await gateway.DeliverAsync(report, _secret);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var completed = await received.Message.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((report.Attempt, report.JobId, report.Outputs!.ManifestKey), (completed.Attempt, completed.JobId, completed.Outputs.ManifestKey));
        Assert.Equal(HttpStatusCode.OK, (await gateway.Client.GetAsync("/health/ready")).StatusCode);
        await consumer.StopAsync();
    }

    [Fact]
    public async Task When_the_broker_is_unreachable_the_delivery_is_answered_503_and_stays_retryable()
    {
        var settings = Settings($"amqp://guest:guest@127.0.0.1:{LoopbackPorts.TakeOne()}/");
        settings["Webhooks:PublishTimeout"] = "00:00:02";
        await using var gateway = await GatewayHost.StartAsync(settings, GatewayHost.Bus.Configured);
        var delivery = SignedDelivery.Of(Reports.Completed(Guid.NewGuid()), _secret);

        var first = await gateway.SendAsync(delivery.ToRequest());
        var retry = await gateway.SendAsync(delivery.ToRequest());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, retry.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await gateway.Client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gateway.Client.GetAsync("/health/live")).StatusCode);
    }

    private Dictionary<string, string?> Settings(string brokerUri)
    {
        var settings = GatewayHost.Settings(_secret, GatewayHost.NewTokenKey());
        settings["Bus:Transport"] = "RabbitMq";
        settings["Bus:RabbitMqUri"] = brokerUri;
        return settings;
    }

    /// <summary>A separate process-like host with its own temporary queue bound to TranscodeCompleted, as the saga would have.</summary>
    private static async Task<IHost> StartConsumerAsync(string brokerUri, ReceivedCompletion received)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(received);
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(options => options.WaitUntilStarted = true);
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<CompletionConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(brokerUri));
                rabbit.ReceiveEndpoint($"gateway-tests-{Guid.NewGuid():N}", endpoint =>
                {
                    endpoint.AutoDelete = true;
                    endpoint.Durable = false;
                    endpoint.ConfigureConsumer<CompletionConsumer>(context);
                });
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
