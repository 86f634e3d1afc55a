using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Transcoding.Chaos.Faults;

/// <summary>
/// The local RunPod endpoint answers <paramref name="status"/> (429 with Retry-After, or 500) for
/// <paramref name="share"/> of its public API's requests during the hold, through its <c>/admin/faults</c> route
/// (services/Transcoding.LocalRunPod/README.md). The fault is posted with the hold as its duration, so it also ends when
/// this run dies; the stop ends it at once.
/// </summary>
public sealed class RunPodApiFault(ServiceSlot runPod, string apiKey, int status, double share, TimeSpan hold) : IFault
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Name => $"RunPod API answers {status.ToString(CultureInfo.InvariantCulture)}";

    public TimeSpan Hold => hold;

    public async Task<FaultEffect> StartAsync(CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post);
        request.Content = JsonContent.Create(new { status, share, durationSeconds = hold.TotalSeconds, retryAfterSeconds = 1 });
        using var response = await Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return new FaultEffect(true, $"{share:P0} of requests for {hold.TotalSeconds:0} s");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Delete);
        using var response = await Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private HttpRequestMessage Request(HttpMethod method) =>
        new(method, new Uri(new Uri(runPod.Current.Url), "/admin/faults")) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", apiKey) } };
}
