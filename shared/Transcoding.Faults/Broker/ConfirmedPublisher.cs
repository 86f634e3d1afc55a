using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Transcoding.Faults.Broker;

/// <summary>
/// Publishes one message at a time on a channel in confirm mode and waits for the broker's verdict.
/// <para>
/// RabbitMQ.Client's own confirmation tracking would do the waiting, but it adds an <c>x-dotnet-pub-seq-no</c> header
/// to every message; a replay must carry the original headers only, so the acks, nacks and returns are followed here.
/// With a single message outstanding there is nothing to correlate: a <c>basic.return</c> (unroutable) always comes
/// before the <c>basic.ack</c> of the same message.
/// </para>
/// </summary>
public sealed class ConfirmedPublisher
{
    private readonly IChannel _channel;
    private TaskCompletionSource<string?>? _pending;
    private ulong _sequence;
    private string? _returned;

    public ConfirmedPublisher(IChannel channel)
    {
        _channel = channel;
        channel.BasicAcksAsync += (_, e) => Settle(e.DeliveryTag, e.Multiple, null);
        channel.BasicNacksAsync += (_, e) => Settle(e.DeliveryTag, e.Multiple, "the broker refused the message (basic.nack)");
        channel.BasicReturnAsync += (_, e) =>
        {
            _returned = $"the broker could not route it to '{e.RoutingKey}': {e.ReplyText}";
            return Task.CompletedTask;
        };
        channel.ChannelShutdownAsync += (_, e) =>
        {
            _pending?.TrySetException(new InvalidOperationException($"the channel closed before the broker confirmed: {e.ReplyText}"));
            return Task.CompletedTask;
        };
    }

    /// <summary>Returns null once the broker has the message, else why it does not.</summary>
    public async Task<string?> PublishAsync(string exchange, string routingKey, BasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        _returned = null;
        _sequence = await _channel.GetNextPublishSequenceNumberAsync(cancellationToken);
        _pending = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, body, cancellationToken);
        var refused = await _pending.Task.WaitAsync(cancellationToken);
        return _returned ?? refused;
    }

    private Task Settle(ulong deliveryTag, bool multiple, string? refusal)
    {
        if (deliveryTag == _sequence || (multiple && deliveryTag > _sequence))
        {
            _pending?.TrySetResult(refusal);
        }

        return Task.CompletedTask;
    }
}
