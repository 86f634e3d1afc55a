using Microsoft.Extensions.Options;
using Transcoding.Faults;
using Transcoding.Faults.Broker;
using Transcoding.Ops.Broker;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Faults.Commands;

/// <summary>What every <c>faults</c> command needs: the broker's endpoints and the fault operations.</summary>
public abstract class FaultCommand<TSettings>(OpsOutput output, FaultOperations faults, IOptions<OpsOptions> options) : OpsCommand<TSettings>(output)
    where TSettings : BrokerSettings
{
    protected FaultOperations Faults { get; } = faults;

    protected ErrorQueues ErrorQueues => Faults.ErrorQueues;

    protected BrokerEndpoints Broker(TSettings settings) =>
        BrokerEndpoints.Resolve(settings.Amqp ?? options.Value.RabbitMqUri, settings.Management ?? options.Value.ManagementUrl);

    protected override IEnumerable<string> Secrets(TSettings settings) =>
        SecretMasker.PasswordsIn(settings.Amqp ?? options.Value.RabbitMqUri, settings.Management ?? options.Value.ManagementUrl);
}
