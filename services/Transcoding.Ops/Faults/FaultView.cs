using System.Text;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;
using Transcoding.Faults;
using Transcoding.Ops.Cli;

namespace Transcoding.Ops.Faults;

/// <summary>How faulted messages look in JSON and in tables (one place, so every command shows them the same way).</summary>
public static class FaultView
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static object Detail(FaultedMessage m)
    {
        var (body, encoding) = Body(m);
        return new
        {
            m.MessageId,
            m.ErrorQueue,
            m.Position,
            m.GroupId,
            m.MessageType,
            m.Properties.CorrelationId,
            m.Properties.ContentType,
            m.Properties.Type,
            m.ExceptionType,
            m.ExceptionMessage,
            StackTrace = m.Header(FaultHeaders.StackTrace),
            m.InputAddress,
            m.FaultedAt,
            RetryCount = m.Header(FaultHeaders.RetryCount),
            Reason = m.Header(FaultHeaders.Reason),
            Headers = Headers(m),
            Body = body,
            BodyEncoding = encoding,
        };
    }

    /// <summary>The body as UTF-8 text when it is valid UTF-8, else base64 (the bytes are never altered).</summary>
    public static (string Body, string Encoding) Body(FaultedMessage m)
    {
        try
        {
            return (StrictUtf8.GetString(m.Body.Span), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (Convert.ToBase64String(m.Body.Span), "base64");
        }
    }

    public static Dictionary<string, string?> Headers(FaultedMessage m) =>
        m.Properties.Headers?.ToDictionary(h => h.Key, h => FaultHeaders.Format(h.Value)) ?? [];

    public static Table GroupsTable(IEnumerable<FaultGroup> groups)
    {
        var table = new Table().Title("Failure groups").AddColumns("Group", "Count", "Exception type", "Message type", "Queues", "Last fault", "Example message");
        foreach (var g in groups)
        {
            table.AddRow(Cells(g.Id, g.Count.ToString(), g.ExceptionType, g.MessageType, string.Join(", ", g.Queues), g.LastFaultedAt ?? "", Shorten(g.ExampleMessage)));
        }

        return table;
    }

    public static Table MessagesTable(string title, IEnumerable<FaultedMessage> messages)
    {
        var table = new Table().Title(Markup.Escape(TerminalText.Clean(title))).AddColumns("Message id", "Error queue", "Group", "Exception type", "Message type", "Replays to");
        foreach (var m in messages)
        {
            table.AddRow(Cells(m.MessageId ?? FaultedMessage.Unknown, m.ErrorQueue, m.GroupId, m.ExceptionType, m.MessageType, m.SourceQueue ?? FaultedMessage.Unknown));
        }

        return table;
    }

    public static IRenderable Details(FaultedMessage m)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow(Cells("Message id", m.MessageId ?? FaultedMessage.Unknown));
        grid.AddRow(Cells("Message type", m.MessageType));
        grid.AddRow(Cells("Error queue", $"{m.ErrorQueue} (position {m.Position})"));
        grid.AddRow(Cells("Group", m.GroupId));
        grid.AddRow(Cells("Correlation id", m.Properties.CorrelationId ?? ""));
        grid.AddRow(Cells("Content type", m.Properties.ContentType ?? ""));
        foreach (var (name, value) in Headers(m))
        {
            grid.AddRow(Cells(name, value ?? ""));
        }

        var (body, encoding) = Body(m);
        return new Rows(grid, new Panel(new Text(TerminalText.Clean(encoding == "utf-8" ? Pretty(body) : body, multiline: true)))
            .Header($"body ({encoding}, {m.Body.Length} bytes)"));
    }

    /// <summary>Table cells of untrusted text, through <see cref="TerminalText"/> (stack traces keep their lines).</summary>
    public static IRenderable[] Cells(params string[] values) => [.. values.Select(v => new Text(TerminalText.Clean(v, multiline: true)))];

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 60 ? text : text[..57] + "...";

    private static string Pretty(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
