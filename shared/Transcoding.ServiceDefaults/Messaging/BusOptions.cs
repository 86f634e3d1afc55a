namespace Transcoding.ServiceDefaults.Messaging;

/// <summary>Section <c>Bus</c>.</summary>
public sealed class BusOptions
{
    public const string SectionName = "Bus";

    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    /// <summary>AMQP URI, e.g. <c>amqp://guest:guest@127.0.0.1:5672/</c>; holds a password, so it is never logged.</summary>
    public string RabbitMqUri { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>Messages a receive endpoint handles at once.</summary>
    public int PrefetchCount { get; set; } = 16;
}
