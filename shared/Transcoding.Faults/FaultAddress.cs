namespace Transcoding.Faults;

/// <summary>Reads the queue a message faulted on from MassTransit's <c>MT-Fault-InputAddress</c>.</summary>
public static class FaultAddress
{
    /// <summary>
    /// <c>rabbitmq://host/vhost/queue</c> or <c>rabbitmq://host/queue</c> (default virtual host) → <c>queue</c>;
    /// query parameters (<c>?bind=true</c>, ...) are ignored. Null when the address is not a RabbitMQ endpoint address.
    /// </summary>
    public static string? QueueName(string? inputAddress)
    {
        if (!Uri.TryCreate(inputAddress, UriKind.Absolute, out var uri) || uri.Scheme is not ("rabbitmq" or "rabbitmqs"))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length is 1 or 2 ? Uri.UnescapeDataString(segments[^1]) : null;
    }
}
