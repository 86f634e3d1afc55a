using Microsoft.Extensions.Options;
using Spectre.Console;
using Transcoding.Ops.Broker;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Faults.Commands;

/// <summary><c>faults list</c>: the error queues and their messages grouped by exception type and message type.</summary>
public sealed class FaultsListCommand(OpsOutput output, ErrorQueues errorQueues, IOptions<OpsOptions> options)
    : FaultCommand<BrokerSettings>(output, errorQueues, options)
{
    protected override async Task<int> RunAsync(BrokerSettings settings, CancellationToken cancellationToken)
    {
        var broker = Broker(settings);
        var queues = await ErrorQueues.ListAsync(broker, cancellationToken);
        var messages = await ErrorQueues.BrowseAsync(broker, [.. queues.Select(q => q.Name)], cancellationToken);
        var groups = FaultGrouping.Group(messages);
        // Counted from what was read, not from the management API's sampled statistics.
        var counts = queues.ToDictionary(q => q.Name, q => messages.Count(m => m.ErrorQueue == q.Name));

        if (settings.Json)
        {
            Output.WriteJson(new
            {
                broker.VirtualHost,
                Queues = queues.Select(q => FaultView.Queue(q, counts[q.Name])),
                Groups = groups,
                Messages = messages.Select(FaultView.Summary),
            });
            return ExitCodes.Ok;
        }

        var console = Output.Console;
        var queueTable = new Table().Title(Markup.Escape($"Error queues on {SecretMasker.MaskUri(broker.Amqp.ToString())}")).AddColumns("Queue", "Messages", "Consumers", "Type");
        foreach (var queue in queues)
        {
            queueTable.AddRow(FaultView.Cells(queue.Name, counts[queue.Name].ToString(), queue.Consumers.ToString(), queue.Type));
        }

        console.Write(queueTable);
        if (groups.Count == 0)
        {
            console.MarkupLine("[green]No faulted messages.[/]");
            return ExitCodes.Ok;
        }

        console.Write(FaultView.GroupsTable(groups));
        console.MarkupLine("[grey]faults show <message id> for one message; faults replay --group <group> to replay a group.[/]");
        return ExitCodes.Ok;
    }
}
