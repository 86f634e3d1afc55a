using Transcoding.Faults.Broker;

namespace Transcoding.Faults;

/// <summary>
/// The fault operations as the CLI's commands and the orchestrator's <c>/faults</c> routes carry them out: list, select
/// (the same "not found" rules), replay and purge, all through <see cref="ErrorQueues"/>' lossless walk. Replays are
/// paced on <paramref name="time"/>.
/// </summary>
public sealed class FaultOperations(ErrorQueues errorQueues, TimeProvider time)
{
    public ErrorQueues ErrorQueues { get; } = errorQueues;

    /// <summary>Every error queue and message of the virtual host; counts are of the messages read, not the management API's samples.</summary>
    public async Task<FaultListing> ListAsync(BrokerEndpoints broker, CancellationToken cancellationToken)
    {
        var queues = await ErrorQueues.ListAsync(broker, cancellationToken);
        var messages = await ErrorQueues.BrowseAsync(broker, [.. queues.Select(q => q.Name)], cancellationToken);
        return new FaultListing(
            broker.VirtualHost,
            [.. queues.Select(q => new ErrorQueueSummary(q.Name, messages.Count(m => m.ErrorQueue == q.Name), q.Consumers, q.Type))],
            FaultGrouping.Group(messages),
            [.. messages.Select(FaultedMessageSummary.Of)]);
    }

    /// <summary>The error queues to read for the selector.</summary>
    /// <exception cref="BrokerException">NotFound: a queue selector that names no error queue.</exception>
    public async Task<IReadOnlyList<string>> QueuesToReadAsync(BrokerEndpoints broker, FaultSelector selector, CancellationToken cancellationToken)
    {
        var queues = selector.QueuesToRead((await ErrorQueues.ListAsync(broker, cancellationToken)).Select(q => q.Name));
        return selector.Kind == SelectorKind.Queue && queues.Count == 0
            ? throw new BrokerException(BrokerFailure.NotFound, $"no error queue '{selector.Value}' (nor '{selector.Value}_error') in virtual host '{broker.VirtualHost}'")
            : queues;
    }

    /// <summary>The messages of the queues the selector matches, left in place.</summary>
    /// <exception cref="BrokerException">NotFound: an id or group that matches nothing (see <see cref="RequireMatches"/>).</exception>
    public async Task<IReadOnlyList<FaultedMessage>> SelectAsync(BrokerEndpoints broker, IReadOnlyList<string> queues, FaultSelector selector, CancellationToken cancellationToken)
    {
        var selected = (await ErrorQueues.BrowseAsync(broker, queues, cancellationToken)).Where(selector.Matches).ToList();
        RequireMatches(selector, selected.Count);
        return selected;
    }

    /// <summary>An id or group that selects nothing is "not found"; an empty queue or "all" is just nothing to do.</summary>
    public static void RequireMatches(FaultSelector selector, int matched)
    {
        if (matched == 0 && selector.Kind is SelectorKind.Id or SelectorKind.Group)
        {
            throw new BrokerException(BrokerFailure.NotFound, $"no faulted message matches {selector}");
        }
    }

    /// <summary>
    /// Publishes each selected message back to the queue it faulted on (<see cref="ErrorQueues.WalkAsync"/>), at most one
    /// per <paramref name="pause"/> (zero: no limit, see <see cref="ReplayRate"/>); returns the outcome of each selected message, in walk order.
    /// <paramref name="visited"/> hears of every message read, selected or not (progress bars).
    /// </summary>
    public async Task<IReadOnlyList<FaultOutcome>> ReplayAsync(
        BrokerEndpoints broker,
        IReadOnlyList<string> queues,
        FaultSelector selector,
        TimeSpan pause,
        Action<FaultOutcome> visited,
        CancellationToken cancellationToken)
    {
        var replayedAny = false;
        async ValueTask<FaultDisposition> Decide(FaultedMessage message, CancellationToken token)
        {
            if (!selector.Matches(message))
            {
                return FaultDisposition.Keep;
            }

            if (replayedAny && pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, time, token);
            }

            replayedAny = true;
            return FaultDisposition.Replay;
        }

        var replays = new List<FaultOutcome>();
        await ErrorQueues.WalkAsync(broker, queues, Decide, outcome =>
        {
            if (outcome.Disposition == FaultDisposition.Replay)
            {
                replays.Add(outcome);
            }

            visited(outcome);
        }, cancellationToken);
        RequireMatches(selector, replays.Count);
        return replays;
    }

    /// <summary>
    /// Deletes the selected messages; returns how many were deleted. Each message is judged again as it is read: one that
    /// arrived since a listing is deleted only when it matches.
    /// </summary>
    /// <exception cref="BrokerException">NotFound: an id or group that matches nothing (see <see cref="RequireMatches"/>).</exception>
    public async Task<int> PurgeAsync(BrokerEndpoints broker, IReadOnlyList<string> queues, FaultSelector selector, CancellationToken cancellationToken)
    {
        var (matched, deleted) = (0, 0);
        await ErrorQueues.WalkAsync(
            broker,
            queues,
            (m, _) => ValueTask.FromResult(selector.Matches(m) ? FaultDisposition.Delete : FaultDisposition.Keep),
            outcome =>
            {
                matched += outcome.Disposition == FaultDisposition.Delete ? 1 : 0;
                deleted += outcome is { Disposition: FaultDisposition.Delete, Succeeded: true } ? 1 : 0;
            },
            cancellationToken);
        RequireMatches(selector, matched);
        return deleted;
    }
}
