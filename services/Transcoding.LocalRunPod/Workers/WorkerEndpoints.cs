namespace Transcoding.LocalRunPod.Workers;

/// <summary>What a worker process is told about this server, as RunPod tells its workers (see the worker protocol).</summary>
public static class WorkerEndpoints
{
    private static readonly string[] AnyHost = ["[::]", "0.0.0.0", "+", "*"];

    /// <summary>A base URL workers on this machine can call, from the server's bound addresses (http preferred).</summary>
    public static string? PickBaseUrl(IEnumerable<string> boundAddresses)
    {
        var address = boundAddresses
            .OrderBy(candidate => candidate.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal) + 3;
        var portStart = address.LastIndexOf(':');
        var host = address[schemeEnd..portStart];

        // A wildcard binding is reachable on loopback.
        var reachable = AnyHost.Contains(host) ? "127.0.0.1" : host;
        return address[..schemeEnd] + reachable + address[portStart..].TrimEnd('/');
    }

    /// <summary>
    /// The variables runpod-python reads, with its placeholders: <c>$ID</c> (the worker id in the job-take URL, the job id
    /// in the others, <c>rp_job.py:23</c>, <c>rp_http.py:16-24</c>) and <c>$RUNPOD_POD_ID</c> (<c>rp_ping.py:29-30</c>).
    /// Each URL has a query, since the SDK appends its own parameters with <c>&amp;</c>. The stop channel is derived by
    /// the SDK from the job-take URL (<c>rp_job.py:29-39</c>).
    /// </summary>
    /// <param name="pingInterval">Whole seconds; given in milliseconds, as <c>RUNPOD_PING_INTERVAL</c> is read.</param>
    public static IReadOnlyDictionary<string, string> Environment(string baseUrl, string endpointId, string workerId, string apiKey, TimeSpan pingInterval)
    {
        var endpoint = $"{baseUrl.TrimEnd('/')}/v2/{endpointId}";
        return new Dictionary<string, string>
        {
            ["RUNPOD_WEBHOOK_GET_JOB"] = endpoint + "/job-take/$ID?gpu=local",
            ["RUNPOD_WEBHOOK_POST_OUTPUT"] = endpoint + "/job-done/$RUNPOD_POD_ID/$ID?gpu=local",
            ["RUNPOD_WEBHOOK_POST_STREAM"] = endpoint + "/job-stream/$RUNPOD_POD_ID/$ID?gpu=local",
            ["RUNPOD_WEBHOOK_PING"] = endpoint + "/ping/$RUNPOD_POD_ID?gpu=local",
            ["RUNPOD_PING_INTERVAL"] = ((long)pingInterval.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RUNPOD_POD_ID"] = workerId,
            ["RUNPOD_ENDPOINT_ID"] = endpointId,
            ["RUNPOD_AI_API_KEY"] = apiKey,
        };
    }
}
