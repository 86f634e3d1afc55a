using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Transcoding.Worker.Serverless;

/// <summary>
/// RunPod's heartbeat (E7), as runpod-python 1.12.0 sends it (rp_ping.py:93-115): GET <c>RUNPOD_WEBHOOK_PING</c> with
/// the ids of the jobs in progress, at once and then <c>RUNPOD_PING_INTERVAL</c> after each ping. It runs in its own
/// loop with its own <see cref="HttpClient"/> (<see cref="HttpClientName"/>, timeout 2 × the interval, as the SDK's)
/// and reads only <see cref="ActiveJobs"/>, so a long or stuck encode never silences it; a failed ping is logged and
/// the next one goes out on time. No URL: no heartbeat (logged once), jobs are still taken.
/// </summary>
public sealed class RunPodHeartbeat(
    IHttpClientFactory httpClients,
    IOptions<RunPodOptions> options,
    ActiveJobs activeJobs,
    TimeProvider time,
    ILogger<RunPodHeartbeat> logger) : BackgroundService
{
    public const string HttpClientName = "runpod-ping";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.PingUrl))
        {
            Log.HeartbeatOff(logger);
            return;
        }

        var http = httpClients.CreateClient(HttpClientName);
        try
        {
            while (true)
            {
                await PingAsync(http, settings, stoppingToken);
                await Task.Delay(settings.PingInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private async Task PingAsync(HttpClient http, RunPodOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            using var request = RunPodRequests.Ping(settings, activeJobs.Snapshot());
            using var response = await http.SendAsync(request, stoppingToken);
            if (!response.IsSuccessStatusCode)
            {
                Log.PingFailed(logger, $"HTTP {(int)response.StatusCode}");
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            Log.PingFailed(logger, e is OperationCanceledException ? $"no answer within {http.Timeout.TotalSeconds:0.#} s" : e.Message);
        }
    }
}
