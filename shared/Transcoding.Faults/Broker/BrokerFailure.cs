namespace Transcoding.Faults.Broker;

/// <summary>What kind of expected failure a <see cref="BrokerException"/> is (the CLI maps it to an exit code, the API to a status).</summary>
public enum BrokerFailure
{
    /// <summary>An AMQP URI or management URL that is not one.</summary>
    InvalidAddress,

    /// <summary>The virtual host, the error queue or the faulted message named does not exist.</summary>
    NotFound,

    /// <summary>The broker or its management API refused the credentials.</summary>
    Refused,
}
