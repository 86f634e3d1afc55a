using Microsoft.Extensions.Options;
using Spectre.Console;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Faults.Commands;

/// <summary><c>faults purge</c>: deletes the selected messages from the error queues, after a confirmation.</summary>
public sealed class FaultsPurgeCommand(OpsOutput output, ErrorQueues errorQueues, IOptions<OpsOptions> options)
    : FaultCommand<FaultPurgeSettings>(output, errorQueues, options)
{
    protected override async Task<int> RunAsync(FaultPurgeSettings settings, CancellationToken cancellationToken)
    {
        var broker = Broker(settings);
        var selector = settings.Selector;
        var queues = await QueuesToReadAsync(broker, selector, cancellationToken);
        var selected = (await ErrorQueues.BrowseAsync(broker, queues, cancellationToken)).Where(selector.Matches).ToList();
        RequireMatches(selector, selected.Count);

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
        var deleted = 0;
        await ErrorQueues.WalkAsync(
            broker,
            queues,
            (m, _) => ValueTask.FromResult(selector.Matches(m) ? FaultDisposition.Delete : FaultDisposition.Keep),
            outcome => deleted += outcome is { Disposition: FaultDisposition.Delete, Succeeded: true } ? 1 : 0,
            cancellationToken);
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
