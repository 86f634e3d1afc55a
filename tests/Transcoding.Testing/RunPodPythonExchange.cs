namespace Transcoding.Testing;

/// <summary>
/// One HTTP exchange runpod-python 1.12.0 made with the local endpoint, as recorded (a fact, not an expectation): the
/// request exactly as the SDK sent it. What the endpoint answered then is deliberately not carried: the recording's
/// <c>observed_status</c> is known to be wrong for job-done (200 logged where the endpoint answered 415; see
/// docs/plans/issue-13-runpod-protocol.md, "Fixture caveat").
/// </summary>
/// <param name="Kind">The fixture's name for the exchange, e.g. <c>job-done output</c>; unique in the file.</param>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="PathTemplate">Path with <c>{endpointId}</c>, <c>{workerId}</c>, <c>{jobId}</c> placeholders, without the query.</param>
/// <param name="Query">The query as sent, with its leading <c>?</c>; empty when none.</param>
/// <param name="ContentType">The Content-Type header exactly as sent; null when the SDK sent none.</param>
/// <param name="Authorization">How it authenticated; <see cref="RunPodPythonExchanges.BareKey"/> = the API key alone, no scheme.</param>
/// <param name="Body">The body text as sent (UTF-8), with the same placeholders; empty for none.</param>
public sealed record RunPodPythonExchange(
    string Kind, string Method, string PathTemplate, string Query, string? ContentType, string Authorization, string Body)
{
    /// <summary>Path and query, relative (no leading <c>/</c>), with the placeholders filled in.</summary>
    public string Target(string endpointId, string workerId, string jobId) =>
        Fill((PathTemplate + Query).TrimStart('/'), endpointId, workerId, jobId);

    /// <summary>The body bytes with the placeholders filled in.</summary>
    public byte[] BodyBytes(string endpointId, string workerId, string jobId) =>
        System.Text.Encoding.UTF8.GetBytes(Fill(Body, endpointId, workerId, jobId));

    private static string Fill(string text, string endpointId, string workerId, string jobId) => text
        .Replace("{endpointId}", endpointId, StringComparison.Ordinal)
        .Replace("{workerId}", workerId, StringComparison.Ordinal)
        .Replace("{jobId}", jobId, StringComparison.Ordinal);
}
