using MassTransit;
using Transcoding.Testing;

namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>
/// A MassTransit 8 service on RabbitMQ (no retry) whose consumer fails while <see cref="ProbeLedger.Failing"/> is set,
/// so MassTransit itself moves the messages to <c>ops-probe_error</c> with its fault headers. It consumes one message at a
/// time, in queue order.
/// </summary>
public sealed class FaultyService : IAsyncDisposable
{
    public const string Queue = "ops-probe";
    public const string ErrorQueue = Queue + "_error";

    private readonly IBusControl _bus;
    private readonly RabbitMqVirtualHost _host;

    private FaultyService(IBusControl bus, RabbitMqVirtualHost host, ProbeLedger ledger)
    {
        _bus = bus;
        _host = host;
        Ledger = ledger;
    }

    public ProbeLedger Ledger { get; }

    public static async Task<FaultyService> StartAsync(RabbitMqVirtualHost host)
    {
        var ledger = new ProbeLedger();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(host.AmqpUri));
            cfg.ReceiveEndpoint(Queue, e =>
            {
                e.PrefetchCount = 1;
                e.ConcurrentMessageLimit = 1;
                e.Consumer(() => new ProbeConsumer(ledger));
            });
        });
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return new FaultyService(bus, host, ledger);
    }

    /// <summary>Publishes probes 0..count-1 with known message ids and waits until all of them faulted.</summary>
    public async Task<IReadOnlyList<Guid>> FaultAsync(int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => NewId.NextGuid()).ToList();
        for (var i = 0; i < count; i++)
        {
            var id = ids[i];
            await _bus.Publish(new Probe(i), context => context.MessageId = id);
        }

        await Eventually.True(async () => await _host.DepthAsync(ErrorQueue) == count, $"{count} messages in {ErrorQueue}");
        return ids;
    }

    /// <summary>
    /// Waits until every message in the queue so far has been consumed: a marker published behind them is consumed after
    /// them, so once it is, a duplicate among them would have been recorded too. Call it once whatever could publish to
    /// the queue has finished (the CLI has exited).
    /// </summary>
    public async Task WaitUntilConsumedAsync()
    {
        var marker = NewId.NextGuid();
        await _bus.Publish(new Probe(Probe.Marker), context => context.MessageId = marker);
        await Eventually.True(() => Ledger.Markers.Contains(marker), $"the marker behind the {Ledger.Processed.Count} probes processed so far consumed");
    }

    public Task StopAsync() => _bus.StopAsync();

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
