using Microsoft.Extensions.Options;
using Spectre.Console;
using Transcoding.Faults;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Faults.Commands;

/// <summary><c>faults purge</c>: deletes the selected messages from the error queues, after a confirmation.</summary>
public sealed class FaultsPurgeCommand(OpsOutput output, FaultOperations faults, IOptions<OpsOptions> options)
    : FaultCommand<FaultPurgeSettings>(output, faults, options)
{
    protected override async Task<int> RunAsync(FaultPurgeSettings settings, CancellationToken cancellationToken)
    {
        var broker = Broker(settings);
        var selector = settings.Selector;
        var queues = await Faults.QueuesToReadAsync(broker, selector, cancellationToken);
        var selected = await Faults.SelectAsync(broker, queues, selector, cancellationToken);

        if (settings.DryRun || selected.Count == 0)
        {
            WriteResult(settings, selected.Count, 0);
            return ExitCodes.Ok;
        }

        if (!settings.Yes)
        {
            if (settings.Json || !Output.Interactive)
            {
                throw new OpsException(ExitCodes.Usage, $"purge deletes {selected.Count} message(s): add --yes to confirm when not at a terminal");
            }

            Output.Console.Write(FaultView.MessagesTable($"{selected.Count} message(s) to delete ({selector})", selected));
            if (!await Output.Console.ConfirmAsync($"Delete these {selected.Count} message(s) for good?", defaultValue: false, cancellationToken))
            {
                throw new OpsException(ExitCodes.Failure, "purge cancelled: nothing deleted");
            }
        }

        // Selected again message by message: a message that arrived since the listing is judged on its own.
        var deleted = await Faults.PurgeAsync(broker, queues, selector, cancellationToken);
        WriteResult(settings, selected.Count, deleted);
        return ExitCodes.Ok;
    }

    private void WriteResult(FaultPurgeSettings settings, int selected, int deleted)
    {
        if (settings.Json)
        {
            Output.WriteJson(new { settings.DryRun, Selector = settings.Selector.ToString(), Selected = selected, Deleted = deleted });
            return;
        }

        Output.Console.WriteLine(settings.DryRun
            ? $"Would delete {selected} message(s) ({settings.Selector})."
            : $"Deleted {deleted} message(s) ({settings.Selector}).");
    }
}
