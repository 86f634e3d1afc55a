using System.Threading.Channels;

namespace Transcoding.Messaging.Postgres.Outbox;

/// <summary>
/// Wakes this instance's dispatcher when a transaction committed outbox rows, so they leave at once instead of at the
/// next poll; rows committed by another instance are found by polling.
/// </summary>
public sealed class OutboxDeliverySignal
{
    readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _signals.Writer.TryWrite(true);

    /// <summary>Completes when rows were committed since the last completed wait.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) => await _signals.Reader.ReadAsync(cancellationToken);
}
