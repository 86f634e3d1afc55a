using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Transcoding.EndToEnd.Tests.Tracing;

/// <summary>
/// An OTLP/HTTP collector for the test: accepts <c>POST /v1/traces</c> (protobuf <c>ExportTraceServiceRequest</c>) and
/// keeps each span's service, ids and name. The wire format is read field by field; nothing else of OTLP is needed.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpTraceReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ExportedSpan> Spans { get; } = new();

    public string Endpoint => _app.Urls.Single();

    public static async Task<OtlpTraceReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpTraceReceiver(app);
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            foreach (var span in ReadRequest(body.ToArray()))
            {
                receiver.Spans.Enqueue(span);
            }

            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private static IEnumerable<ExportedSpan> ReadRequest(byte[] message) =>
        Fields(message).Where(f => f.Number == 1).SelectMany(f => ReadResourceSpans(f.Bytes));

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    // Resource { repeated KeyValue attributes = 1; } ScopeSpans { repeated Span spans = 2; }
    private static IEnumerable<ExportedSpan> ReadResourceSpans(byte[] message)
    {
        var fields = Fields(message).ToList();
        var service = fields.Where(f => f.Number == 1)
            .SelectMany(resource => Fields(resource.Bytes).Where(f => f.Number == 1))
            .Select(attribute => ReadKeyValue(attribute.Bytes))
            .FirstOrDefault(pair => pair.Key == "service.name").Value ?? "";
        return fields.Where(f => f.Number == 2)
            .SelectMany(scope => Fields(scope.Bytes).Where(f => f.Number == 2))
            .Select(span => ReadSpan(service, span.Bytes));
    }

    // KeyValue { string key = 1; AnyValue value = 2; } AnyValue { string string_value = 1; ... }
    private static KeyValuePair<string, string?> ReadKeyValue(byte[] message)
    {
        var fields = Fields(message).ToList();
        var key = fields.Where(f => f.Number == 1).Select(f => Text(f.Bytes)).FirstOrDefault() ?? "";
        var value = fields.Where(f => f.Number == 2).SelectMany(f => Fields(f.Bytes)).Where(f => f.Number == 1).Select(f => Text(f.Bytes)).FirstOrDefault();
        return new(key, value);
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; ... }
    private static ExportedSpan ReadSpan(string service, byte[] message)
    {
        var fields = Fields(message).ToList();
        string Field(int number, Func<byte[], string> read) => fields.Where(f => f.Number == number).Select(f => read(f.Bytes)).FirstOrDefault() ?? "";
        return new ExportedSpan(service, Field(1, Hex), Field(2, Hex), Field(4, Hex), Field(5, Text));
    }

    /// <summary>The length-delimited fields of a message (ids, strings, sub-messages); other wire types are skipped.</summary>
    private static IEnumerable<(int Number, byte[] Bytes)> Fields(byte[] message)
    {
        var input = new CodedInputStream(message);
        var fields = new List<(int, byte[])>();
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                fields.Add((WireFormat.GetTagFieldNumber(tag), input.ReadBytes().ToByteArray()));
            }
            else
            {
                input.SkipLastField();
            }
        }

        return fields;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);
}
