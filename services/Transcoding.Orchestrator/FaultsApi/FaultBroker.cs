using Microsoft.Extensions.Options;
using Transcoding.Faults.Broker;
using Transcoding.ServiceDefaults.Messaging;

namespace Transcoding.Orchestrator.FaultsApi;

/// <summary>
/// The broker the faults API acts on: the bus's own (<c>Bus:RabbitMqUri</c>, its path the virtual host) and its
/// management API (<c>Bus:ManagementUrl</c>, the only place that lists queues). <see cref="Unavailable"/> says why there
/// is none: the in-memory bus of <c>make run</c>/<c>make up</c> has no error queues, and without the management URL
/// they cannot be listed.
/// </summary>
public sealed class FaultBroker
{
    public FaultBroker(IOptions<BusOptions> options)
    {
        var bus = options.Value;
        if (bus.Transport == BusTransport.InMemory)
        {
            Unavailable = "the bus is in memory (make run, make up): there is no broker, so no error queue";
            return;
        }

        if (string.IsNullOrWhiteSpace(bus.ManagementUrl))
        {
            Unavailable = "Bus:ManagementUrl is not set: error queues are listed through the RabbitMQ management API";
            return;
        }

        try
        {
            Endpoints = BrokerEndpoints.Resolve(bus.RabbitMqUri, bus.ManagementUrl);
        }
        catch (BrokerException e)
        {
            // The message names the rule broken, never the URI (it holds a password).
            Unavailable = "Bus:RabbitMqUri or Bus:ManagementUrl: " + e.Message;
        }
    }

    /// <summary>Where the broker is; null when <see cref="Unavailable"/> is set.</summary>
    public BrokerEndpoints? Endpoints { get; }

    /// <summary>Why the faults API cannot work in this process; null when it can.</summary>
    public string? Unavailable { get; }
}
