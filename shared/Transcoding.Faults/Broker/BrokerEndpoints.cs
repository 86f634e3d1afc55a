namespace Transcoding.Faults.Broker;

/// <summary>The broker's two endpoints resolved from the AMQP URI and the management URL.</summary>
public sealed record BrokerEndpoints(Uri Amqp, string VirtualHost, Uri Management, string User, string Password)
{
    private const string DefaultUser = "guest";

    /// <summary>
    /// The virtual host is the AMQP URI's path, unescaped, or <c>/</c> when it has none (as RabbitMQ.Client reads it).
    /// The management API uses the credentials in its own URL, else those of the AMQP URI.
    /// </summary>
    public static BrokerEndpoints Resolve(string amqp, string management)
    {
        if (!Uri.TryCreate(amqp, UriKind.Absolute, out var amqpUri) || amqpUri.Scheme is not ("amqp" or "amqps"))
        {
            throw new BrokerException(BrokerFailure.InvalidAddress, "the AMQP URI must look like amqp://user:password@host:5672/vhost");
        }

        if (!Uri.TryCreate(management, UriKind.Absolute, out var managementUri) || managementUri.Scheme is not ("http" or "https"))
        {
            throw new BrokerException(BrokerFailure.InvalidAddress, "the management URL must look like http://host:15672");
        }

        var segments = amqpUri.Segments;
        if (segments.Length > 2)
        {
            throw new BrokerException(BrokerFailure.InvalidAddress, "the AMQP URI path is the virtual host: escape a '/' inside it as %2F");
        }

        var virtualHost = segments.Length == 2 ? Uri.UnescapeDataString(segments[1]) : "/";
        var (user, password) = Credentials(managementUri.UserInfo.Length > 0 ? managementUri : amqpUri);
        var bareManagement = new UriBuilder(managementUri) { UserName = "", Password = "" }.Uri;
        return new BrokerEndpoints(amqpUri, virtualHost, bareManagement, user, password);
    }

    private static (string User, string Password) Credentials(Uri uri)
    {
        if (uri.UserInfo.Length == 0)
        {
            return (DefaultUser, DefaultUser);
        }

        var parts = uri.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "");
    }
}
