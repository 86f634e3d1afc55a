using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace Transcoding.Testing;

public static class LogAssertions
{
    /// <summary>Fails when any captured line (message, structured values, scopes or exception) contains one of the values.</summary>
    public static void AssertNoneLogged(this FakeLogCollector logs, IEnumerable<string> forbidden)
    {
        var records = logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var text = record.FullText();
            foreach (var value in forbidden)
            {
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"A {record.Category} log line at {record.Level} contains a secret value.");
            }
        }
    }

    /// <summary>Everything a record carries that a log sink could write out.</summary>
    public static string FullText(this FakeLogRecord record) => string.Join('\n',
        [
            record.Message,
            record.Exception?.ToString(),
            .. (record.StructuredState ?? []).Select(pair => $"{pair.Key}={pair.Value}"),
            .. record.Scopes.Select(Describe),
        ]);

    /// <summary>The last <paramref name="count"/> records that mention <paramref name="subject"/> or are warnings and
    /// worse, one line each: what a failing end-to-end test prints to say where an item got stuck.</summary>
    public static string Tail(this FakeLogCollector logs, string subject, int count = 150) => string.Join('\n', logs.GetSnapshot()
        .Where(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning || r.FullText().Contains(subject, StringComparison.OrdinalIgnoreCase))
        .TakeLast(count)
        .Select(r => $"{r.Timestamp:HH:mm:ss.fff} {r.Level} {r.Category}: {r.Message}{(r.Exception is null ? "" : " | " + r.Exception.GetType().Name + ": " + r.Exception.Message)}"));

    private static string? Describe(object? scope) => scope switch
    {
        IEnumerable<KeyValuePair<string, object?>> pairs => string.Join(';', pairs.Select(pair => $"{pair.Key}={pair.Value}")),
        _ => scope?.ToString(),
    };
}
