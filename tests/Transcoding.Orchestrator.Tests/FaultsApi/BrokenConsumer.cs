using System.Collections.Concurrent;
using MassTransit;

namespace Transcoding.Orchestrator.Tests.FaultsApi;

/// <summary>
/// A MassTransit consumer on queue <see cref="Queue"/> of the test's virtual host that fails (no retry) while
/// <see cref="Failing"/> is set, so MassTransit itself writes the faults to <c>faults-api-probe_error</c>: an
/// <see cref="InvalidOperationException"/> for even numbers, an <see cref="ArgumentException"/> for odd ones (two groups).
/// Once it stops failing it records every message id it consumes.
/// </summary>
public sealed class BrokenConsumer : IAsyncDisposable
{
    public const string Queue = "faults-api-probe";

    private readonly IBusControl _bus;
    private readonly ConcurrentQueue<Guid> _consumed = new();
    private volatile bool _failing = true;

    private BrokenConsumer(string amqpUri) => _bus = Bus.Factory.CreateUsingRabbitMq(bus =>
    {
        bus.Host(new Uri(amqpUri));
        bus.ReceiveEndpoint(Queue, endpoint => endpoint.Handler<BrokenProbe>(context =>
        {
            if (_failing)
            {
                throw context.Message.Number % 2 == 0 ? new InvalidOperationException("even probe") : new ArgumentException("odd probe");
            }

            _consumed.Enqueue(context.MessageId ?? Guid.Empty);
            return Task.CompletedTask;
        }));
    });

    public bool Failing
    {
        set => _failing = value;
    }

    public IReadOnlyCollection<Guid> Consumed => _consumed;

    public static async Task<BrokenConsumer> StartAsync(string amqpUri)
    {
        var consumer = new BrokenConsumer(amqpUri);
        await consumer._bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return consumer;
    }

    /// <summary>Publishes probes 0..count-1 and returns their message ids (the caller waits for the faults).</summary>
    public async Task<IReadOnlyList<Guid>> PublishAsync(int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => NewId.NextGuid()).ToList();
        for (var i = 0; i < count; i++)
        {
            var id = ids[i];
            await _bus.Publish(new BrokenProbe(i), context => context.MessageId = id);
        }

        return ids;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
