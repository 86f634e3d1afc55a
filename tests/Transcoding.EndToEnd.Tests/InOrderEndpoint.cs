using MassTransit;

namespace Transcoding.EndToEnd.Tests;

public static class InOrderEndpoint
{
    /// <summary>One message at a time, so the consumer sees its queue in queue order and a marker comes after what preceded it.</summary>
    public static void Configure(IEndpointRegistrationConfigurator endpoint)
    {
        endpoint.PrefetchCount = 1;
        endpoint.ConcurrentMessageLimit = 1;
    }
}
