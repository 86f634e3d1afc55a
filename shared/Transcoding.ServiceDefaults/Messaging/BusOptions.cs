using System.ComponentModel.DataAnnotations;

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

    /// <summary>
    /// How long a receive endpoint that is stopping (the broker closed its channel, or the service is shutting down) lets
    /// the messages in hand finish before it cancels their <c>ConsumeContext.CancellationToken</c>
    /// (MassTransit's <see cref="MassTransit.MassTransitHostOptions.ConsumerStopTimeout"/>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "Bus:ConsumerStopTimeout must be positive (at most an hour).")]
    public TimeSpan ConsumerStopTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a stopping receive endpoint waits for those messages at all (<see cref="MassTransit.MassTransitHostOptions.StopTimeout"/>).
    /// Unbounded, one consume that never returns keeps the endpoint from reconnecting after a broker restart: its queue
    /// has no consumer until the process restarts (chaos run, issue 15). A message given up on is still unacknowledged,
    /// so the broker delivers it again. At least <see cref="ConsumerStopTimeout"/> (MassTransit checks that at start-up).
    /// </summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
