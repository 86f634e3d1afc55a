using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Transcoding.ServiceDefaults.Messaging;
using Transcoding.Testing;
using Transcoding.Testing.Chaos;

namespace Transcoding.Shared.Tests.ServiceDefaults.Messaging;

/// <summary>
/// A consume that never returns must not keep its receive endpoint from coming back after a broker restart (the chaos
/// load run: the dispatcher's <c>dispatch-transcode</c> queue stayed without a consumer for the rest of the run while its
/// other endpoints recovered). MassTransit waits for the messages in hand before it reconnects an endpoint, without a
/// bound unless <c>Bus:StopTimeout</c> gives one; RabbitMQ.Client 7.2's <c>BasicPublishAsync</c> can wait for a publisher
/// confirm forever after a restart (rabbitmq-dotnet-client#1930). On a server set of this class's own.
/// </summary>
public sealed class When_RabbitMQ_restarts_under_a_consume_that_never_returns(TestInfraSet servers) : IClassFixture<TestInfraSet>
{
    [Fact]
    public async Task The_endpoint_consumes_again_and_the_held_message_is_delivered_again()
    {
        var pings = new Pings();
        using var host = Bus(bus => bus.AddConsumer<HangingConsumer>(), services => services.AddSingleton(pings));
        await host.StartAsync();
        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            var held = new Ping(Guid.NewGuid());
            await bus.Publish(held);
            await pings.Held.Task.WaitAsync(Eventually.DefaultTimeout);

            await servers.StopRabbitMqAsync();
            await servers.StartRabbitMqAsync();

            // From a connection made after the restart: what is under test is the consumer's endpoint, and a publish on the
            // first bus was seen to take over 90 s under a CPU burner. Bounded like every wait here: without the fix
            // this test must fail, not hang.
            var after = new Ping(Guid.NewGuid());
            using var publisher = Bus(_ => { }, _ => { });
            await publisher.StartAsync();
            await publisher.Services.GetRequiredService<IBus>().Publish(after).WaitAsync(Eventually.DefaultTimeout);
            await publisher.StopAsync();
            await Eventually.Until(
                () => Task.FromResult(pings.Consumed.Keys.ToHashSet()),
                consumed => consumed.Contains(after.Id) && consumed.Contains(held.Id),
                "the ping published after the restart and the held one (delivered again) consumed",
                describe: consumed => $"consumed: [{string.Join(", ", consumed)}]; held {held.Id}, after {after.Id}");
        }
        finally
        {
            pings.Release.TrySetResult();
            using var stopping = new CancellationTokenSource(Eventually.DefaultTimeout);
            await host.StopAsync(stopping.Token);
        }
    }

    private IHost Bus(Action<IBusRegistrationConfigurator> consumers, Action<IServiceCollection> services)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMqUri"] = servers.Environment["TEST_RABBITMQ_URI"],
            ["Bus:ConsumerStopTimeout"] = "00:00:01",
            ["Bus:StopTimeout"] = "00:00:03",
        });
        services(builder.Services);
        builder.AddTranscodingBus(consumers);
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        return builder.Build();
    }

    public sealed record Ping(Guid Id);

    public sealed class Pings
    {
        /// <summary>Set when the first delivery starts hanging.</summary>
        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completed only when the test ends: the hung consume ignores its cancellation token, as a publish
        /// waiting for a confirm that never comes does.</summary>
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentDictionary<Guid, bool> Consumed { get; } = new();
    }

    public sealed class HangingConsumer(Pings pings) : IConsumer<Ping>
    {
        public async Task Consume(ConsumeContext<Ping> context)
        {
            if (!context.ReceiveContext.Redelivered && pings.Held.TrySetResult())
            {
                await pings.Release.Task;
                return;
            }

            pings.Consumed[context.Message.Id] = true;
        }
    }
}
