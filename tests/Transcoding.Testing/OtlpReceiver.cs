using System.Collections.Concurrent;
using System.Text;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Transcoding.Testing;

/// <summary>
/// An OTLP/HTTP collector for tests: accepts <c>POST /v1/traces</c>, <c>/v1/metrics</c> and <c>/v1/logs</c> (protobuf
/// <c>Export{Trace,Metrics,Logs}ServiceRequest</c>) and keeps each span's service, ids and name, each histogram point's
/// service, name, unit, attributes, count and sum, each log record's service, category, severity, body and attributes,
/// and every request body as it came. The wire format is read field by field; nothing else of OTLP is needed.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ExportedSpan> Spans { get; } = new();

    public ConcurrentQueue<ExportedHistogramPoint> Histograms { get; } = new();

    public ConcurrentQueue<ExportedLogRecord> Logs { get; } = new();

    /// <summary>Every export request: the signal's path and the protobuf body.</summary>
    public ConcurrentQueue<(string Path, byte[] Body)> Requests { get; } = new();

    public string Endpoint => _app.Urls.Single();

    /// <summary>The configuration that points a host's OTLP exporter here, over OTLP/HTTP protobuf.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ExporterSettings =>
    [
        new("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint),
        new("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
    ];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", async (HttpRequest request) => receiver.Receive(request, await ReadBodyAsync(request), ReadResourceSpans, receiver.Spans));
        app.MapPost("/v1/metrics", async (HttpRequest request) => receiver.Receive(request, await ReadBodyAsync(request), ReadResourceMetrics, receiver.Histograms));
        app.MapPost("/v1/logs", async (HttpRequest request) => receiver.Receive(request, await ReadBodyAsync(request), ReadResourceLogs, receiver.Logs));
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Fails when no export request came, or when any byte sequence of any request (every signal, every field)
    /// spells one of the values.</summary>
    public void AssertNoneExported(IEnumerable<string> forbidden)
    {
        Assert.NotEmpty(Requests);
        var values = forbidden.Where(value => value.Length > 0).ToList();
        foreach (var (path, body) in Requests)
        {
            // Protobuf writes strings as UTF-8 bytes: the request read as text holds every string it carries.
            var text = Encoding.UTF8.GetString(body);
            Assert.False(values.Any(value => text.Contains(value, StringComparison.Ordinal)), $"An export to {path} carries a secret value.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return body.ToArray();
    }

    // Export{Trace,Metrics,Logs}ServiceRequest { repeated Resource{Spans,Metrics,Logs} resource_{spans,metrics,logs} = 1; }
    private IResult Receive<T>(HttpRequest http, byte[] request, Func<byte[], IEnumerable<T>> readResource, ConcurrentQueue<T> into)
    {
        Requests.Enqueue((http.Path, request));
        foreach (var item in Children(Fields(request), 1).SelectMany(readResource))
        {
            into.Enqueue(item);
        }

        return Results.Ok();
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; } ScopeSpans { repeated Span spans = 2; }
    private static IEnumerable<ExportedSpan> ReadResourceSpans(byte[] message)
    {
        var fields = Fields(message);
        var service = ServiceName(fields);
        return Children(fields, 2).SelectMany(scope => Children(Fields(scope), 2)).Select(span => ReadSpan(service, span));
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; ... }
    private static ExportedSpan ReadSpan(string service, byte[] message)
    {
        var fields = Fields(message);
        return new ExportedSpan(service, First(fields, 1, Hex), First(fields, 2, Hex), First(fields, 4, Hex), First(fields, 5, Text));
    }

    // ResourceMetrics { Resource resource = 1; repeated ScopeMetrics scope_metrics = 2; } ScopeMetrics { repeated Metric metrics = 2; }
    // Metric { string name = 1; string unit = 3; Histogram histogram = 9; ... } Histogram { repeated HistogramDataPoint data_points = 1; }
    private static IEnumerable<ExportedHistogramPoint> ReadResourceMetrics(byte[] message)
    {
        var fields = Fields(message);
        var service = ServiceName(fields);
        return Children(fields, 2).SelectMany(scope => Children(Fields(scope), 2)).SelectMany(metric =>
        {
            var metricFields = Fields(metric);
            var name = Children(metricFields, 1).Select(Text).Single();
            var unit = First(metricFields, 3, Text);
            return Children(metricFields, 9).SelectMany(histogram => Children(Fields(histogram), 1)).Select(point => ReadHistogramPoint(service, name, unit, point));
        });
    }

    // HistogramDataPoint { fixed64 count = 4; double sum = 5; repeated KeyValue attributes = 9; ... }
    private static ExportedHistogramPoint ReadHistogramPoint(string service, string name, string unit, byte[] message)
    {
        var fields = Fields(message);
        var count = fields.Where(f => f.Number == 4).Select(f => f.Fixed64).FirstOrDefault();
        var sum = fields.Where(f => f.Number == 5).Select(f => BitConverter.UInt64BitsToDouble(f.Fixed64)).FirstOrDefault();
        return new ExportedHistogramPoint(service, name, unit, Attributes(fields, 9), count, sum);
    }

    // ResourceLogs { Resource resource = 1; repeated ScopeLogs scope_logs = 2; }
    // ScopeLogs { InstrumentationScope scope = 1; repeated LogRecord log_records = 2; } InstrumentationScope { string name = 1; }
    private static IEnumerable<ExportedLogRecord> ReadResourceLogs(byte[] message)
    {
        var fields = Fields(message);
        var service = ServiceName(fields);
        return Children(fields, 2).SelectMany(scope =>
        {
            var scopeFields = Fields(scope);
            var category = Children(scopeFields, 1).Select(s => First(Fields(s), 1, Text)).FirstOrDefault() ?? "";
            return Children(scopeFields, 2).Select(record => ReadLogRecord(service, category, record));
        });
    }

    // LogRecord { string severity_text = 3; AnyValue body = 5; repeated KeyValue attributes = 6; bytes trace_id = 9; ... }
    private static ExportedLogRecord ReadLogRecord(string service, string category, byte[] message)
    {
        var fields = Fields(message);
        var body = Children(fields, 5).Select(AnyValueText).FirstOrDefault();
        return new ExportedLogRecord(service, category, First(fields, 3, Text), body, Attributes(fields, 6), First(fields, 9, Hex));
    }

    // Resource { repeated KeyValue attributes = 1; }
    private static string ServiceName(IReadOnlyList<Field> resourceParent) =>
        Children(resourceParent, 1).SelectMany(resource => Children(Fields(resource), 1)).Select(ReadKeyValue)
            .FirstOrDefault(pair => pair.Key == "service.name").Value ?? "";

    private static Dictionary<string, string?> Attributes(IReadOnlyList<Field> fields, int number) =>
        Children(fields, number).Select(ReadKeyValue).GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Last().Value);

    // KeyValue { string key = 1; AnyValue value = 2; }
    private static KeyValuePair<string, string?> ReadKeyValue(byte[] message)
    {
        var fields = Fields(message);
        return new(First(fields, 1, Text), Children(fields, 2).Select(AnyValueText).FirstOrDefault());
    }

    // AnyValue { string string_value = 1; ... }: other kinds of value read as null.
    private static string? AnyValueText(byte[] message) => Children(Fields(message), 1).Select(Text).FirstOrDefault();

    private static string First(IReadOnlyList<Field> fields, int number, Func<byte[], string> read) => Children(fields, number).Select(read).FirstOrDefault() ?? "";

    private static IEnumerable<byte[]> Children(IReadOnlyList<Field> fields, int number) =>
        fields.Where(f => f.Number == number && f.Bytes is not null).Select(f => f.Bytes!);

    /// <summary>A message's length-delimited fields (ids, strings, sub-messages) and 64-bit ones (counts, sums); other wire types are skipped.</summary>
    private static List<Field> Fields(byte[] message)
    {
        var input = new CodedInputStream(message);
        var fields = new List<Field>();
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            switch (WireFormat.GetTagWireType(tag))
            {
                case WireFormat.WireType.LengthDelimited:
                    fields.Add(new Field(number, input.ReadBytes().ToByteArray(), 0));
                    break;
                case WireFormat.WireType.Fixed64:
                    fields.Add(new Field(number, null, input.ReadFixed64()));
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return fields;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private readonly record struct Field(int Number, byte[]? Bytes, ulong Fixed64);
}
