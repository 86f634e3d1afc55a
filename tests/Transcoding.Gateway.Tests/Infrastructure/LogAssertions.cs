using Microsoft.Extensions.Logging.Testing;

namespace Transcoding.Gateway.Tests.Infrastructure;

public static class LogAssertions
{
    /// <summary>Fails when any captured line (message, structured values, scopes or exception) contains one of the values.</summary>
    public static void AssertNoneLogged(this FakeLogCollector logs, IEnumerable<string> forbidden)
    {
        var records = logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var text = string.Join('\n',
                [
                    record.Message,
                    record.Exception?.ToString(),
                    .. (record.StructuredState ?? []).Select(pair => $"{pair.Key}={pair.Value}"),
                    .. record.Scopes.Select(Describe),
                ]);
            foreach (var value in forbidden)
            {
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"A {record.Category} log line at {record.Level} contains a secret value.");
            }
        }
    }

    private static string? Describe(object? scope) => scope switch
    {
        IEnumerable<KeyValuePair<string, object?>> pairs => string.Join(';', pairs.Select(pair => $"{pair.Key}={pair.Value}")),
        _ => scope?.ToString(),
    };
}
