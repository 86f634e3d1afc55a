namespace Transcoding.Faults;

/// <summary>Which faulted messages a replay or purge acts on: exactly one of --id, --queue, --group, --all.</summary>
public sealed record FaultSelector(SelectorKind Kind, string Value)
{
    private const string ErrorSuffix = "_error";

    public static readonly FaultSelector All = new(SelectorKind.All, "");

    /// <summary>The selector, or the usage error to show when not exactly one was given.</summary>
    public static (FaultSelector? Selector, string? Error) From(string? id, string? queue, string? group, bool all)
    {
        FaultSelector?[] given =
        [
            string.IsNullOrWhiteSpace(id) ? null : new(SelectorKind.Id, id.Trim()),
            string.IsNullOrWhiteSpace(queue) ? null : new(SelectorKind.Queue, queue.Trim()),
            string.IsNullOrWhiteSpace(group) ? null : new(SelectorKind.Group, group.Trim().ToLowerInvariant()),
            all ? All : null,
        ];
        var chosen = given.OfType<FaultSelector>().ToList();
        return chosen.Count == 1
            ? (chosen[0], null)
            : (null, "give exactly one of --id <id>, --queue <queue>, --group <group>, --all");
    }

    /// <summary>An error queue is named by itself or by the queue it collects faults for (<c>orders</c> = <c>orders_error</c>).</summary>
    public static bool NamesErrorQueue(string name, string errorQueue) =>
        errorQueue == name || errorQueue == name + ErrorSuffix;

    public static bool IsErrorQueue(string queue) => queue.EndsWith(ErrorSuffix, StringComparison.Ordinal);

    /// <summary>The error queues worth reading for this selector.</summary>
    public IReadOnlyList<string> QueuesToRead(IEnumerable<string> errorQueues) =>
        [.. errorQueues.Where(q => Kind != SelectorKind.Queue || NamesErrorQueue(Value, q))];

    public bool Matches(FaultedMessage message) => Kind switch
    {
        SelectorKind.Id => string.Equals(message.MessageId, Value, StringComparison.OrdinalIgnoreCase),
        SelectorKind.Queue => NamesErrorQueue(Value, message.ErrorQueue),
        SelectorKind.Group => message.GroupId == Value,
        _ => true,
    };

    public override string ToString() => Kind == SelectorKind.All ? "--all" : $"--{Kind.ToString().ToLowerInvariant()} {Value}";
}
