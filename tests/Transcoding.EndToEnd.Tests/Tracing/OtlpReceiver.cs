using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Transcoding.EndToEnd.Tests.Tracing;

/// <summary>
/// An OTLP/HTTP collector for the test: accepts <c>POST /v1/traces</c> and <c>POST /v1/metrics</c> (protobuf
/// <c>ExportTraceServiceRequest</c>, <c>ExportMetricsServiceRequest</c>) and keeps each span's service, ids and name and
/// each histogram point's service, name, unit, attributes, count and sum. The wire format is read field by field;
/// nothing else of OTLP is needed.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ExportedSpan> Spans { get; } = new();

    public ConcurrentQueue<ExportedHistogramPoint> Histograms { get; } = new();

    public string Endpoint => _app.Urls.Single();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", async (HttpRequest request) => Receive(await ReadBodyAsync(request), ReadResourceSpans, receiver.Spans));
        app.MapPost("/v1/metrics", async (HttpRequest request) => Receive(await ReadBodyAsync(request), ReadResourceMetrics, receiver.Histograms));
        await app.StartAsync();
        return receiver;
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

    // Export{Trace,Metrics}ServiceRequest { repeated Resource{Spans,Metrics} resource_{spans,metrics} = 1; }
    private static IResult Receive<T>(byte[] request, Func<byte[], IEnumerable<T>> readResource, ConcurrentQueue<T> into)
    {
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
        string Field(int number, Func<byte[], string> read) => Children(fields, number).Select(read).FirstOrDefault() ?? "";
        return new ExportedSpan(service, Field(1, Hex), Field(2, Hex), Field(4, Hex), Field(5, Text));
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
            var unit = Children(metricFields, 3).Select(Text).FirstOrDefault() ?? "";
            return Children(metricFields, 9).SelectMany(histogram => Children(Fields(histogram), 1)).Select(point => ReadHistogramPoint(service, name, unit, point));
        });
    }

    // HistogramDataPoint { fixed64 count = 4; double sum = 5; repeated KeyValue attributes = 9; ... }
    private static ExportedHistogramPoint ReadHistogramPoint(string service, string name, string unit, byte[] message)
    {
        var fields = Fields(message);
        var attributes = Children(fields, 9).Select(ReadKeyValue).ToDictionary(pair => pair.Key, pair => pair.Value);
        var count = fields.Where(f => f.Number == 4).Select(f => f.Fixed64).FirstOrDefault();
        var sum = fields.Where(f => f.Number == 5).Select(f => BitConverter.UInt64BitsToDouble(f.Fixed64)).FirstOrDefault();
        return new ExportedHistogramPoint(service, name, unit, attributes, count, sum);
    }

    // Resource { repeated KeyValue attributes = 1; }
    private static string ServiceName(IReadOnlyList<Field> resourceParent) =>
        Children(resourceParent, 1).SelectMany(resource => Children(Fields(resource), 1)).Select(ReadKeyValue)
            .FirstOrDefault(pair => pair.Key == "service.name").Value ?? "";

    // KeyValue { string key = 1; AnyValue value = 2; } AnyValue { string string_value = 1; ... }
    private static KeyValuePair<string, string?> ReadKeyValue(byte[] message)
    {
        var fields = Fields(message);
        var key = Children(fields, 1).Select(Text).FirstOrDefault() ?? "";
        var value = Children(fields, 2).SelectMany(v => Children(Fields(v), 1)).Select(Text).FirstOrDefault();
        return new(key, value);
    }

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

    private static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);

    private readonly record struct Field(int Number, byte[]? Bytes, ulong Fixed64);
}
