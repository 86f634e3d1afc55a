namespace Transcoding.Worker.Tests.Support;

/// <summary>One request <see cref="FakeRunPod"/> received, as it arrived.</summary>
/// <param name="Path">Decoded path, e.g. <c>/v2/ep-test/job-done/pod-1/job-1</c>.</param>
/// <param name="Query">Raw query with its leading <c>?</c>, or empty.</param>
/// <param name="Headers">Every request header, values comma-joined; names case-insensitive.</param>
/// <param name="ContentType">The Content-Type header exactly as sent; null when none.</param>
/// <param name="Body">The raw body as UTF-8 text; empty when none.</param>
public sealed record RecordedRequest(
    string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body)
{
    /// <summary>The RunPod route: <c>job-take</c>, <c>job-stop</c>, <c>job-done</c>, <c>ping</c>…</summary>
    public string Route => Path.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, _, var route, ..] ? route : "";

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The query's parameters in order, values decoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> QueryParameters =>
        [.. Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query).SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value ?? "")))];
}
