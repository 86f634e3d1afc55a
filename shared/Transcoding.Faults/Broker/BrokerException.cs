namespace Transcoding.Faults.Broker;

/// <summary>An expected failure of a fault operation; its message names what was wrong and never holds a password.</summary>
public sealed class BrokerException(BrokerFailure failure, string message) : Exception(message)
{
    public BrokerFailure Failure { get; } = failure;
}
