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

    /// <summary>Completes when rows were committed since the last wait, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var elapsed = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(elapsed.Token, cancellationToken);
        try
        {
            await _signals.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
