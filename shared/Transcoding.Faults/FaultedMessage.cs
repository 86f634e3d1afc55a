using RabbitMQ.Client;

namespace Transcoding.Faults;

/// <summary>One message in an error queue: what the broker delivered, and what MassTransit's headers say about it.</summary>
public sealed record FaultedMessage(string ErrorQueue, int Position, IReadOnlyBasicProperties Properties, ReadOnlyMemory<byte> Body)
{
    public const string Unknown = "(unknown)";

    /// <summary>The AMQP <c>message-id</c> property: MassTransit's RabbitMQ transport sets it to the message's id.</summary>
    public string? MessageId => Properties.MessageId;

    public string ExceptionType => Header(FaultHeaders.ExceptionType) ?? Unknown;

    /// <summary>MassTransit's message type header, else the AMQP <c>type</c> property.</summary>
    public string MessageType => Header(FaultHeaders.MessageType) ?? Properties.Type ?? Unknown;

    public string? ExceptionMessage => Header(FaultHeaders.Message);

    public string? FaultedAt => Header(FaultHeaders.Timestamp);

    public string? InputAddress => Header(FaultHeaders.InputAddress);

    /// <summary>The queue to replay into, from the input address (null when MassTransit did not record one).</summary>
    public string? SourceQueue => FaultAddress.QueueName(InputAddress);

    public string GroupId => FaultGroupId.For(ExceptionType, MessageType);

    public string? Header(string name) => FaultHeaders.Text(Properties.Headers, name);
}
