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

    /// <summary>Declare receive endpoints as quorum queues (replicated across a RabbitMQ cluster) instead of classic ones.
    /// A queue's type is fixed when it is declared: switching needs fresh queues.</summary>
    public bool QuorumQueues { get; set; }

    /// <summary>RabbitMQ management API, e.g. <c>http://rabbitmq:15672</c>: when set, this service reports queue depth.</summary>
    public string? ManagementUrl { get; set; }

    public TimeSpan QueueDepthInterval { get; set; } = TimeSpan.FromSeconds(15);
}
