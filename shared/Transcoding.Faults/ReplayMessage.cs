using RabbitMQ.Client;

namespace Transcoding.Faults;

/// <summary>How a faulted message is published back: same body bytes, same properties, fault headers removed.</summary>
public static class ReplayMessage
{
    /// <summary>The properties to publish with (message id, correlation id, content type, type, ... copied as they are).</summary>
    public static BasicProperties Properties(FaultedMessage message) =>
        new(message.Properties) { Headers = FaultHeaders.WithoutFaultHeaders(message.Properties.Headers) };

    /// <summary>The queue to publish to, or why there is none.</summary>
    public static (string? Queue, string? Error) Target(FaultedMessage message) => message.SourceQueue is { } queue
        ? (queue, null)
        : (null, message.InputAddress is null
            ? $"no {FaultHeaders.InputAddress} header: the queue it faulted on is unknown"
            : $"{FaultHeaders.InputAddress} '{message.InputAddress}' is not a RabbitMQ queue address");
}
