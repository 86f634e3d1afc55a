using Microsoft.Extensions.Options;
using Transcoding.Ops.Broker;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Faults.Commands;

/// <summary>What every <c>faults</c> command needs: the broker's endpoints and the error queues a selector names.</summary>
public abstract class FaultCommand<TSettings>(OpsOutput output, ErrorQueues errorQueues, IOptions<OpsOptions> options) : OpsCommand<TSettings>(output)
    where TSettings : BrokerSettings
{
    protected ErrorQueues ErrorQueues { get; } = errorQueues;

    protected BrokerEndpoints Broker(TSettings settings) =>
        BrokerEndpoints.Resolve(settings.Amqp ?? options.Value.RabbitMqUri, settings.Management ?? options.Value.ManagementUrl);

    protected override IEnumerable<string> Secrets(TSettings settings) =>
        SecretMasker.PasswordsIn(settings.Amqp ?? options.Value.RabbitMqUri, settings.Management ?? options.Value.ManagementUrl);

    /// <summary>The error queues to read for the selector; a --queue that names no error queue is "not found".</summary>
    protected async Task<IReadOnlyList<string>> QueuesToReadAsync(BrokerEndpoints broker, FaultSelector selector, CancellationToken cancellationToken)
    {
        var queues = selector.QueuesToRead((await ErrorQueues.ListAsync(broker, cancellationToken)).Select(q => q.Name));
        return selector.Kind == SelectorKind.Queue && queues.Count == 0
            ? throw new OpsException(ExitCodes.NotFound, $"no error queue '{selector.Value}' (nor '{selector.Value}_error') in virtual host '{broker.VirtualHost}'")
            : queues;
    }

    /// <summary>An --id or --group that selects nothing is "not found"; an empty --queue or --all is just nothing to do.</summary>
    protected static void RequireMatches(FaultSelector selector, int matched)
    {
        if (matched == 0 && selector.Kind is SelectorKind.Id or SelectorKind.Group)
        {
            throw new OpsException(ExitCodes.NotFound, $"no faulted message matches {selector}");
        }
    }
}
