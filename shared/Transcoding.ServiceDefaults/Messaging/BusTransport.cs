namespace Transcoding.ServiceDefaults.Messaging;

public enum BusTransport
{
    /// <summary>One process only: <c>make run</c> and unit tests.</summary>
    InMemory,
    RabbitMq,
}
