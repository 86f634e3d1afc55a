using RabbitMQ.Client;
using Transcoding.Faults.Broker;

namespace Transcoding.Faults;

/// <summary>
/// Reads and moves messages of MassTransit error queues without ever losing or reordering one.
/// <para>
/// Each queue is read with <c>basic.get</c> and manual acknowledgement, one message at a time, up to the depth it had
/// when the walk began (so a replayed message that faults again is not read a second time in the same run). A message
/// is acknowledged (removed) only after what replaces it is confirmed by the broker; every other message stays
/// unacknowledged and is requeued with one <c>basic.nack(multiple, requeue)</c> at the end (also on Ctrl+C), which puts classic-queue
/// messages back in their original positions. When the process dies instead, the broker requeues them all the same
/// when the connection drops. RabbitMQ has no true "peek" for classic queues (the management API's "get messages"
/// is this same get-and-requeue, and loses header types); the cost is the <c>redelivered</c> flag being set.
/// </para>
/// Its connections carry <paramref name="clientName"/> (the process's service name: <c>transcoding-ops</c> for the CLI,
/// the orchestrator's own), so the broker's connection list says which process holds the error queues' messages.
/// </summary>
public sealed class ErrorQueues(ManagementClient management, string clientName)
{
    /// <summary>The name this process's connections show in RabbitMQ (<c>connection_name</c>).</summary>
    public string ClientName { get; } = clientName;

    /// <summary>The <c>*_error</c> queues of the virtual host, with the management API's (sampled) counts.</summary>
    public async Task<IReadOnlyList<QueueInfo>> ListAsync(BrokerEndpoints broker, CancellationToken cancellationToken) =>
        [.. (await management.ListQueuesAsync(broker, cancellationToken)).Where(q => FaultSelector.IsErrorQueue(q.Name))];

    /// <summary>The exact number of messages in each queue right now (AMQP <c>queue.declare passive</c>).</summary>
    public async Task<IReadOnlyDictionary<string, long>> DepthsAsync(BrokerEndpoints broker, IReadOnlyList<string> queues, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(broker, cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var depths = new Dictionary<string, long>();
        foreach (var queue in queues)
        {
            depths[queue] = (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }

        return depths;
    }

    /// <summary>Every message of the queues, in queue order, left in place.</summary>
    public async Task<IReadOnlyList<FaultedMessage>> BrowseAsync(BrokerEndpoints broker, IReadOnlyList<string> queues, CancellationToken cancellationToken)
    {
        var messages = new List<FaultedMessage>();
        await WalkAsync(broker, queues, (_, _) => ValueTask.FromResult(FaultDisposition.Keep), outcome => messages.Add(outcome.Message), cancellationToken);
        return messages;
    }

    /// <summary>
    /// Visits every message of the queues and carries out the disposition <paramref name="decide"/> returns;
    /// <paramref name="visited"/> hears what happened to each (the caller keeps only what it needs: queues can be large).
    /// </summary>
    public async Task WalkAsync(
        BrokerEndpoints broker,
        IReadOnlyList<string> queues,
        Func<FaultedMessage, CancellationToken, ValueTask<FaultDisposition>> decide,
        Action<FaultOutcome> visited,
        CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(broker, cancellationToken);
        foreach (var queue in queues)
        {
            await WalkQueueAsync(connection, queue, decide, visited, cancellationToken);
        }
    }

    private static async Task WalkQueueAsync(
        IConnection connection,
        string queue,
        Func<FaultedMessage, CancellationToken, ValueTask<FaultDisposition>> decide,
        Action<FaultOutcome> visited,
        CancellationToken cancellationToken)
    {
        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: false);
        await using var channel = await connection.CreateChannelAsync(options, cancellationToken);
        var publisher = new ConfirmedPublisher(channel);
        try
        {
            var delivery = await channel.BasicGetAsync(queue, autoAck: false, cancellationToken);
            var budget = delivery is null ? 0 : delivery.MessageCount + 1L;
            for (var position = 0; delivery is not null; position++)
            {
                var message = new FaultedMessage(queue, position, delivery.BasicProperties, delivery.Body.ToArray());
                var disposition = await decide(message, cancellationToken);
                var error = await ApplyAsync(channel, publisher, delivery.DeliveryTag, message, disposition, cancellationToken);
                visited(new FaultOutcome(message, disposition, error));
                delivery = position + 1 < budget ? await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) : null;
            }
        }
        finally
        {
            if (channel.IsOpen)
            {
                // Delivery tag 0 with multiple = every message this channel still holds: the kept ones, and one taken
                // but not yet settled when the walk was interrupted. Not the caller's token: this must run on Ctrl+C.
                await channel.BasicNackAsync(0, multiple: true, requeue: true, CancellationToken.None);
            }
        }
    }

    /// <summary>Carries out one disposition; returns why it failed (the message then stays in the error queue).</summary>
    private static async Task<string?> ApplyAsync(IChannel channel, ConfirmedPublisher publisher, ulong deliveryTag, FaultedMessage message, FaultDisposition disposition, CancellationToken cancellationToken)
    {
        switch (disposition)
        {
            case FaultDisposition.Keep:
                return null;
            case FaultDisposition.Replay:
                var (target, error) = ReplayMessage.Target(message);
                if (target is null)
                {
                    return error;
                }

                // The default exchange routes by queue name to exactly that queue; the publish is mandatory, so
                // "no such queue" comes back as an error instead of a silent drop.
                if (await publisher.PublishAsync("", target, ReplayMessage.Properties(message), message.Body, cancellationToken) is { } refused)
                {
                    return refused;
                }

                break;
        }

        await channel.BasicAckAsync(deliveryTag, multiple: false, cancellationToken);
        return null;
    }

    private Task<IConnection> ConnectAsync(BrokerEndpoints broker, CancellationToken cancellationToken) =>
        new ConnectionFactory
        {
            Uri = broker.Amqp,
            ClientProvidedName = ClientName,
            // A recovered channel would not own the deliveries of the lost one: fail instead and let the broker requeue.
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
        }.CreateConnectionAsync(cancellationToken);
}
