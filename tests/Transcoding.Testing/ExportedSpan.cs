namespace Transcoding.Testing;

/// <summary>A span as another process exported it over OTLP: ids in lower-case hex, as <c>ActivityTraceId</c> prints them.</summary>
public sealed record ExportedSpan(string Service, string TraceId, string SpanId, string ParentSpanId, string Name);
