using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Transcoding.LocalRunPod.Jobs;

namespace Transcoding.LocalRunPod.Webhooks;

/// <summary>
/// Delivers a job's final status to its webhook as RunPod does: the <c>/status</c> body, POSTed, retried after a
/// delay when the receiver fails. Deliveries run side by side so one slow receiver holds up no other.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory httpClients, IOptions<LocalRunPodOptions> options, ILogger<WebhookSender> logger)
    : BackgroundService
{
    public const string HttpClientName = "LocalRunPod.Webhooks";

    private readonly Channel<(string Url, JobStatusBody Body)> _pending = Channel.CreateUnbounded<(string, JobStatusBody)>();

    public void Enqueue(string url, JobStatusBody body) => _pending.Writer.TryWrite((url, body));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var deliveries = new List<Task>();
        try
        {
            await foreach (var (url, body) in _pending.Reader.ReadAllAsync(stoppingToken))
            {
                deliveries.RemoveAll(delivery => delivery.IsCompleted);
                deliveries.Add(DeliverAsync(url, body, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: deliveries in flight end with the token below.
        }

        await Task.WhenAll(deliveries);
    }

    private async Task DeliverAsync(string url, JobStatusBody body, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var http = httpClients.CreateClient(HttpClientName);
        for (var attempt = 1; attempt <= settings.WebhookRetries + 1; attempt++)
        {
            try
            {
                using var response = await http.PostAsJsonAsync(url, body, LocalRunPodJson.Options, stoppingToken);
                if (response.IsSuccessStatusCode)
                {
                    Log.WebhookDelivered(logger, body.Id, body.Status, attempt);
                    return;
                }

                Log.WebhookRefused(logger, body.Id, (int)response.StatusCode, attempt);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                Log.WebhookUnreachable(logger, body.Id, e.GetType().Name, attempt);
            }

            if (attempt <= settings.WebhookRetries)
            {
                try
                {
                    await Task.Delay(settings.WebhookRetryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        Log.WebhookAbandoned(logger, body.Id);
    }
}
