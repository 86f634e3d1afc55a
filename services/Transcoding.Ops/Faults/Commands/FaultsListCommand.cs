using Microsoft.Extensions.Options;
using Spectre.Console;
using Transcoding.Faults;
using Transcoding.Ops.Broker;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Faults.Commands;

/// <summary><c>faults list</c>: the error queues and their messages grouped by exception type and message type.</summary>
public sealed class FaultsListCommand(OpsOutput output, FaultOperations faults, IOptions<OpsOptions> options)
    : FaultCommand<BrokerSettings>(output, faults, options)
{
    protected override async Task<int> RunAsync(BrokerSettings settings, CancellationToken cancellationToken)
    {
        var broker = Broker(settings);
        var listing = await Faults.ListAsync(broker, cancellationToken);
        if (settings.Json)
        {
            Output.WriteJson(listing);
            return ExitCodes.Ok;
        }

        var console = Output.Console;
        var queueTable = new Table().Title(Markup.Escape($"Error queues on {SecretMasker.MaskUri(broker.Amqp.ToString())}")).AddColumns("Queue", "Messages", "Consumers", "Type");
        foreach (var queue in listing.Queues)
        {
            queueTable.AddRow(FaultView.Cells(queue.Name, queue.Messages.ToString(), queue.Consumers.ToString(), queue.Type));
        }

        console.Write(queueTable);
        if (listing.Groups.Count == 0)
        {
            console.MarkupLine("[green]No faulted messages.[/]");
            return ExitCodes.Ok;
        }

        console.Write(FaultView.GroupsTable(listing.Groups));
        console.MarkupLine("[grey]faults show <message id> for one message; faults replay --group <group> to replay a group.[/]");
        return ExitCodes.Ok;
    }
}
