using System.Collections;
using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace Transcoding.Faults;

/// <summary>The headers MassTransit adds when it moves a message to <c>&lt;queue&gt;_error</c>, and how to read them.</summary>
public static class FaultHeaders
{
    public const string ExceptionType = "MT-Fault-ExceptionType";
    public const string Message = "MT-Fault-Message";
    public const string StackTrace = "MT-Fault-StackTrace";
    public const string InputAddress = "MT-Fault-InputAddress";
    public const string Timestamp = "MT-Fault-Timestamp";
    public const string RetryCount = "MT-Fault-RetryCount";
    public const string MessageType = "MT-Fault-MessageType";
    public const string Reason = "MT-Reason";

    private const string FaultPrefix = "MT-Fault-";
    private const string HostPrefix = "MT-Host-";

    /// <summary>Headers describing the failure (or the host that failed) rather than the message itself.</summary>
    public static bool IsFaultHeader(string name) =>
        name.StartsWith(FaultPrefix, StringComparison.OrdinalIgnoreCase)
        || name.StartsWith(HostPrefix, StringComparison.OrdinalIgnoreCase)
        || name.Equals(Reason, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The headers to replay with: the original values untouched (the client writes them back with the same AMQP
    /// field types), the fault headers left out so a second failure is described afresh.
    /// </summary>
    public static Dictionary<string, object?> WithoutFaultHeaders(IDictionary<string, object?>? headers) =>
        headers?.Where(h => !IsFaultHeader(h.Key)).ToDictionary(h => h.Key, h => h.Value) ?? [];

    /// <summary>A header as text: AMQP long strings arrive as UTF-8 bytes.</summary>
    public static string? Text(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value) ? Format(value) : null;

    public static string? Format(object? value) => value switch
    {
        null => null,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        AmqpTimestamp timestamp => DateTimeOffset.FromUnixTimeSeconds(timestamp.UnixTime).ToString("O", CultureInfo.InvariantCulture),
        IDictionary<string, object?> table => "{" + string.Join(", ", table.Select(e => $"{e.Key}={Format(e.Value)}")) + "}",
        IList list => "[" + string.Join(", ", list.Cast<object?>().Select(Format)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
