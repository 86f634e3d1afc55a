using Microsoft.Extensions.Options;
using Spectre.Console;
using Transcoding.Faults;
using Transcoding.Faults.Broker;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Faults.Commands;

/// <summary>
/// <c>faults replay</c>: publishes the selected messages back to the queue they faulted on, byte for byte, and removes
/// each from its error queue only after the broker confirmed the new copy. A crash at any point loses nothing; at most
/// the one message in flight is delivered twice, which idempotent consumers absorb.
/// </summary>
public sealed class FaultsReplayCommand(OpsOutput output, FaultOperations faults, IOptions<OpsOptions> options)
    : FaultCommand<FaultReplaySettings>(output, faults, options)
{
    protected override async Task<int> RunAsync(FaultReplaySettings settings, CancellationToken cancellationToken)
    {
        var broker = Broker(settings);
        var selector = settings.Selector;
        var queues = await Faults.QueuesToReadAsync(broker, selector, cancellationToken);

        if (settings.DryRun)
        {
            WritePlan(settings, await Faults.SelectAsync(broker, queues, selector, cancellationToken));
            return ExitCodes.Ok;
        }

        var pause = ReplayRate.Pause(settings.Rate);
        IReadOnlyList<FaultOutcome> replays = [];
        async Task Walk(Action<FaultOutcome> visited) => replays = await Faults.ReplayAsync(broker, queues, selector, pause, visited, cancellationToken);

        await (settings.Json || !Output.Interactive ? Walk(_ => { }) : WithProgressAsync(broker, queues, Walk, cancellationToken));
        WriteSummary(settings, replays);
        return replays.All(o => o.Succeeded) ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>A progress bar over the messages read (selected or not), for long replays at a terminal.</summary>
    private async Task WithProgressAsync(
        BrokerEndpoints broker,
        IReadOnlyList<string> queues,
        Func<Action<FaultOutcome>, Task> walk,
        CancellationToken cancellationToken)
    {
        var total = (await ErrorQueues.DepthsAsync(broker, queues, cancellationToken)).Values.Sum();
        await Output.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Replaying", maxValue: Math.Max(total, 1));
                await walk(_ => task.Increment(1));
                task.Value = task.MaxValue;
            });
    }

    private void WritePlan(FaultReplaySettings settings, IReadOnlyList<FaultedMessage> selected)
    {
        if (settings.Json)
        {
            Output.WriteJson(new { DryRun = true, Selector = settings.Selector.ToString(), Selected = selected.Count, Messages = selected.Select(FaultedMessageSummary.Of) });
            return;
        }

        Output.Console.Write(FaultView.MessagesTable($"Would replay {selected.Count} message(s) ({settings.Selector})", selected));
    }

    private void WriteSummary(FaultReplaySettings settings, IReadOnlyList<FaultOutcome> replays)
    {
        var failed = replays.Where(o => !o.Succeeded).ToList();
        if (settings.Json)
        {
            Output.WriteJson(new
            {
                DryRun = false,
                Selector = settings.Selector.ToString(),
                Selected = replays.Count,
                Replayed = replays.Count - failed.Count,
                Failed = failed.Count,
                Messages = replays.Select(ReplayedMessage.Of),
            });
            return;
        }

        var byTarget = new Table().Title("Replayed").AddColumns("To queue", "Messages");
        foreach (var target in replays.Where(o => o.Succeeded).GroupBy(o => o.Message.SourceQueue ?? FaultedMessage.Unknown).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            byTarget.AddRow(FaultView.Cells(target.Key, target.Count().ToString()));
        }

        Output.Console.Write(byTarget);
        foreach (var failure in failed)
        {
            Output.Console.Write(new Text(TerminalText.Clean($"not replayed: {failure.Message.MessageId} from {failure.Message.ErrorQueue}: {failure.Error}") + Environment.NewLine, new Style(Color.Red)));
        }

        Output.Console.MarkupLineInterpolated($"Replayed {replays.Count - failed.Count} of {replays.Count} selected message(s); {failed.Count} left in the error queues.");
    }
}
