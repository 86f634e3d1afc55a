using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Transcoding.ServiceDefaults.Messaging;

/// <summary>
/// <c>transcoding.queue.messages</c>: messages ready and unacknowledged in every queue of the bus's virtual host, read
/// from the RabbitMQ management API (<c>Bus:ManagementUrl</c>, same user as the AMQP URI) every
/// <c>Bus:QueueDepthInterval</c>; the gauge reports the last reading.
/// </summary>
public sealed partial class QueueDepthMonitor : BackgroundService
{
    public const string InstrumentName = "transcoding.queue.messages";

    private readonly BusOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger<QueueDepthMonitor> _logger;
    private volatile IReadOnlyList<Measurement<long>> _last = [];

    public QueueDepthMonitor(IOptions<BusOptions> options, IHttpClientFactory http, IMeterFactory meters, ILogger<QueueDepthMonitor> logger)
    {
        _options = options.Value;
        _logger = logger;
        _http = http.CreateClient(nameof(QueueDepthMonitor));
        _http.BaseAddress = new Uri(_options.ManagementUrl!);
        var broker = new Uri(_options.RabbitMqUri);
        var user = Uri.UnescapeDataString(broker.UserInfo);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user)));
        VirtualHost = broker.AbsolutePath.Trim('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/";
        meters.Create(Telemetry.SourceName).CreateObservableGauge(InstrumentName, () => _last, "{message}",
            "Messages in each queue of the bus's virtual host, by queue and state (ready, unacked).");
    }

    public string VirtualHost { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.QueueDepthInterval);
        try
        {
            do
            {
                try
                {
                    _last = await ReadAsync(stoppingToken);
                }
                catch (Exception e) when ((e is HttpRequestException or JsonException or TaskCanceledException) && !stoppingToken.IsCancellationRequested)
                {
                    // Only the type: the message can carry the management URL.
                    Unreachable(_logger, e.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    private async Task<IReadOnlyList<Measurement<long>>> ReadAsync(CancellationToken cancellationToken)
    {
        var queues = await _http.GetFromJsonAsync<JsonElement>(
            $"/api/queues/{Uri.EscapeDataString(VirtualHost)}?columns=name,messages_ready,messages_unacknowledged", cancellationToken);
        return [.. queues.EnumerateArray().SelectMany(queue =>
        {
            var name = queue.GetProperty("name").GetString();
            return new[]
            {
                new Measurement<long>(Count(queue, "messages_ready"), new("queue", name), new("state", "ready")),
                new Measurement<long>(Count(queue, "messages_unacknowledged"), new("queue", name), new("state", "unacked")),
            };
        })];
    }

    /// <summary>Counters the broker has not computed yet are absent: zero.</summary>
    private static long Count(JsonElement queue, string property) =>
        queue.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    [LoggerMessage(1, LogLevel.Warning, "Queue depth: the RabbitMQ management API did not answer ({ExceptionType})")]
    private static partial void Unreachable(ILogger logger, string exceptionType);
}
