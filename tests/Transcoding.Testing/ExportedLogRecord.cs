namespace Transcoding.Testing;

/// <summary>
/// A log record as a host exported it over OTLP: the logger's category (the OTLP instrumentation scope), the severity
/// text (<c>Information</c>, ...), the body (the formatted message; null when not a string), the attributes with string
/// values (the message's values and its scopes'; other values read as null) and the trace id in lower-case hex (empty
/// outside a span).
/// </summary>
public sealed record ExportedLogRecord(
    string Service,
    string Category,
    string Severity,
    string? Body,
    IReadOnlyDictionary<string, string?> Attributes,
    string TraceId);
