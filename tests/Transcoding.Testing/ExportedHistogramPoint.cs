namespace Transcoding.Testing;

/// <summary>One data point of a histogram another process exported over OTLP (cumulative: count and sum so far).</summary>
public sealed record ExportedHistogramPoint(string Service, string Name, string Unit, IReadOnlyDictionary<string, string?> Attributes, ulong Count, double Sum);
