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

    public static IReadOnlyDictionary<string, string> Environment(string baseUrl, string endpointId, string workerId, string apiKey)
    {
        var endpoint = $"{baseUrl.TrimEnd('/')}/v2/{endpointId}";
        return new Dictionary<string, string>
        {
            ["RUNPOD_WEBHOOK_GET_JOB"] = endpoint + "/job-take/$ID?gpu=local",
            ["RUNPOD_WEBHOOK_POST_OUTPUT"] = endpoint + "/job-done/$RUNPOD_POD_ID/$ID?gpu=local",
            ["RUNPOD_POD_ID"] = workerId,
            ["RUNPOD_ENDPOINT_ID"] = endpointId,
            ["RUNPOD_AI_API_KEY"] = apiKey,
        };
    }
}
