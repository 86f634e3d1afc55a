using System.Net;
using System.Text;
using Transcoding.Gateway.Tests.Infrastructure;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Endpoints;

/// <summary>
/// The RunPod route carries a per-job token in its path. With the dedup store in real PostgreSQL, every answer the
/// route gives (204, 401, 404, 422, 503 with the database down) is logged at Trace level and exported as spans and
/// metrics, and all three over OTLP to a real endpoint; neither the token, its key, nor the HMAC secret appears in any of
/// them, and the path shows as the route's template.
/// </summary>
public sealed class When_the_RunPod_route_is_called_its_token_stays_secret : IAsyncLifetime
{
    private readonly string _secret = WebhookSecret.Generate();
    private readonly string _tokenKey = GatewayHost.NewTokenKey();
    private readonly TelemetryCapture _telemetry = new();
    private PostgresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresDatabase.CreateAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task No_log_line_span_or_metric_carries_the_token_on_any_answer()
    {
        await using var otlp = await OtlpReceiver.StartAsync();
        var settings = GatewayHost.Settings(_secret, _tokenKey);
        settings["Webhooks:DedupConnectionString"] = _database.ConnectionString;
        foreach (var (key, value) in otlp.ExporterSettings)
        {
            settings[key] = value;
        }

        // What an operator sets to tune one log sink: a provider's own rule, which outranks category rules for all.
        settings["Logging:Fake:LogLevel:Default"] = "Trace";
        var tokens = new RunPodWebhookToken(Convert.FromBase64String(_tokenKey));
        var mediaId = Guid.NewGuid();
        var forbidden = new List<string> { _secret, _secret["whsec_".Length..], _tokenKey };
        var answers = new List<HttpStatusCode>();
        var host = await GatewayHost.StartAsync(settings, telemetry: _telemetry);
        var logs = host.Logs;
        await using (host)
        {
            string Add(string token)
            {
                forbidden.Add(token);
                return token;
            }

            async Task Post(string path, int attempt, string body = """{"id":"job-1","status":"FAILED","error":"worker lost"}""")
            {
                var token = tokens.Create(mediaId, attempt);
                forbidden.Add(token);
                var response = await host.Client.PostAsync(path.Replace("{token}", token, StringComparison.Ordinal), new StringContent(body, Encoding.UTF8, "application/json"));
                answers.Add(response.StatusCode);
            }

            await Post($"/webhooks/runpod/{mediaId}/1/{{token}}", 1);
            await Post($"/webhooks/runpod/{mediaId}/3/{{token}}", 2);
            await Post($"/webhooks/runpod/not-a-guid/4/{{token}}", 4);
            await Post($"/WEBHOOKS/RunPod/{mediaId}/5/{{token}}/extra", 5);
            await Post($"/webhooks/runpod/{mediaId}/6/{{token}}", 6, """{"id":"job-1","status":"EXPLODED"}""");
            await Post($"/webhooks%2Frunpod/{mediaId}/8/{{token}}", 8);
            await Post($"/webhooks/runpod;x/{mediaId}/9/{{token}}", 9);
            answers.Add(await SendMalformedAsync(host.Client.BaseAddress!, $"POST /webhooks/runpod/{mediaId}/10/{Add(tokens.Create(mediaId, 10))}%00 HTTP/1.1"));
            await _database.RefuseConnectionsAsync();
            await Post($"/webhooks/runpod/{mediaId}/7/{{token}}", 7);
        }

        HttpStatusCode[] expected =
        [
            HttpStatusCode.NoContent, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.NotFound,
            HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest,
            HttpStatusCode.ServiceUnavailable,
        ];
        Assert.Equal(expected, answers);
        logs.AssertNoneLogged(forbidden);
        _telemetry.AssertNoneExported(forbidden);
        otlp.AssertNoneExported(forbidden);

        // The paths are there, redacted: the request log, the database-down error and the spans name the template.
        var requestLines = logs.GetSnapshot().Where(record => record.Category == "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware").ToList();
        var routed = answers.Count(answer => answer != HttpStatusCode.BadRequest);
        Assert.Equal(routed, requestLines.Count(record => record.FullText().Contains("Path=" + WebhookRoutes.RunPodTemplate, StringComparison.Ordinal)));
        Assert.Equal(routed, otlp.Logs.Count(record => record.Category == "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware"
            && record.Attributes.GetValueOrDefault("Path") == WebhookRoutes.RunPodTemplate));
        var unavailable = Assert.Single(logs.GetSnapshot(), record => record.Category == typeof(ServiceDefaults.DatabaseUnavailableFilter).FullName);
        Assert.Contains(WebhookRoutes.RunPodTemplate, unavailable.Message, StringComparison.Ordinal);
        // Activity listeners are process-wide: the capture also holds spans of gateways that other tests run meanwhile.
        var port = host.Client.BaseAddress!.Port;
        var paths = _telemetry.Spans.Where(span => span.GetTagItem("server.port") is int p && p == port).Select(span => span.GetTagItem("url.path")).ToList();
        Assert.Equal(Enumerable.Repeat(WebhookRoutes.RunPodTemplate, routed), paths);
    }

    /// <summary>A request line Kestrel refuses (400) before any middleware runs, sent over a raw connection.</summary>
    private static async Task<HttpStatusCode> SendMalformedAsync(Uri server, string requestLine)
    {
        using var connection = new System.Net.Sockets.TcpClient();
        await connection.ConnectAsync(server.Host, server.Port);
        var stream = connection.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{requestLine}\r\nHost: {server.Authority}\r\nContent-Length: 0\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync() ?? "";
        return (HttpStatusCode)int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
