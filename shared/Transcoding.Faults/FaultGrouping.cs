namespace Transcoding.Faults;

public static class FaultGrouping
{
    /// <summary>Groups by <see cref="FaultedMessage.GroupId"/>, largest group first, then by id for a stable order.</summary>
    public static IReadOnlyList<FaultGroup> Group(IEnumerable<FaultedMessage> messages) =>
    [
        .. messages
            .GroupBy(m => m.GroupId)
            .Select(g =>
            {
                var first = g.First();
                var times = g.Select(m => m.FaultedAt).OfType<string>().Order(StringComparer.Ordinal).ToList();
                return new FaultGroup(
                    g.Key,
                    first.ExceptionType,
                    first.MessageType,
                    g.Count(),
                    [.. g.Select(m => m.ErrorQueue).Distinct().Order(StringComparer.Ordinal)],
                    first.ExceptionMessage,
                    times.FirstOrDefault(),
                    times.LastOrDefault());
            })
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Id, StringComparer.Ordinal),
    ];
}
