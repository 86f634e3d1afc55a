using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Transcoding.ServiceDefaults;
using Transcoding.Testing;

namespace Transcoding.LocalRunPod.Tests.Support;

/// <summary>LocalRunPod on a real port of 127.0.0.1, with clients for both sides: the API (Bearer) and a worker (bare key).</summary>
public sealed class LocalRunPodTestServer : IAsyncDisposable
{
    public const string EndpointId = "local-test";

    private readonly WebApplication _app;
    private bool _stopped;

    private LocalRunPodTestServer(WebApplication app, string apiKey)
    {
        _app = app;
        ApiKey = apiKey;
        // Callers in other processes: no trace context from this process's client spans (unsampled, being polls).
        Api = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = new Uri($"{BaseUrl}/v2/{EndpointId}/") };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        Worker = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = Api.BaseAddress };
        Worker.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiKey);
    }

    public string BaseUrl => _app.Urls.First();

    public string ApiKey { get; }

    public HttpClient Api { get; }

    /// <summary>Authenticates as the RunPod worker SDK does: the bare key.</summary>
    public HttpClient Worker { get; }

    /// <summary>Everything the server logged: what it did when no reply or status shows it.</summary>
    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    /// <summary>
    /// Runs the store's sweep now, on the server's clock: with a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>
    /// a test knows a sweep has run after it moved the clock, so what did not happen has not happened.
    /// </summary>
    public void Sweep() => _app.Services.GetRequiredService<Transcoding.LocalRunPod.Jobs.JobStore>().Sweep();

    /// <summary>The messages logged so far at <paramref name="level"/> or above.</summary>
    public IReadOnlyList<string> Messages(LogLevel level = LogLevel.Trace) =>
        [.. Logs.GetSnapshot().Where(record => record.Level >= level).Select(record => record.Message)];

    /// <summary>Waits until <paramref name="workerId"/>'s request on <paramref name="route"/> (<c>job-take</c>, <c>job-stop</c>) found nothing and waits.</summary>
    public Task LongPollingAsync(string workerId, string route) =>
        Eventually.True(() => Messages().Contains($"Worker {workerId} waits on {route}"), $"{workerId}'s {route} to be waiting");

    /// <param name="time">The server's clock; the system clock when omitted.</param>
    /// <param name="telemetry">Captures what the server's tracer and meter providers export.</param>
    public static async Task<LocalRunPodTestServer> StartAsync(IDictionary<string, string?>? overrides = null, TimeProvider? time = null, TelemetryCapture? telemetry = null)
    {
        var apiKey = $"local-key-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string?>
        {
            ["LocalRunPod:ApiKey"] = apiKey,
            ["LocalRunPod:EndpointId"] = EndpointId,
            ["LocalRunPod:Workers"] = "0",
            ["LocalRunPod:JobTakeWait"] = "00:00:00.200",
            ["LocalRunPod:JobStopWait"] = "00:00:00.200",
            ["LocalRunPod:SweepInterval"] = "00:00:00.050",
            ["LocalRunPod:WebhookRetryDelay"] = "00:00:00.050",
            ["LocalRunPod:WorkerRestartDelay"] = "00:00:00.100",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Trace);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        // As its Program.cs wires it.
        builder.AddServiceDefaults();
        builder.AddLocalRunPod();
        telemetry?.Attach(builder.Services);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapRunPodApi();
        await app.StartAsync();
        return new LocalRunPodTestServer(app, apiKey);
    }

    public async Task<string> RunAsync(object input, string? webhook = null, object? policy = null)
    {
        using var response = await Api.PostAsJsonAsync("run", new { input, webhook, policy });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("IN_QUEUE", body.GetProperty("status").GetString());
        return body.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement?> StatusAsync(string jobId)
    {
        using var response = await Api.GetAsync($"status/{jobId}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> WaitForStatusAsync(string jobId, string status, TimeSpan? timeout = null) =>
        (await Eventually.Until(() => StatusAsync(jobId), body => body?.GetProperty("status").GetString() == status,
            $"job {jobId} to reach {status}", timeout, body => body?.GetRawText() ?? "unknown (404)"))!.Value;

    /// <summary>A worker's take; null when the server answered 204 (no job).</summary>
    /// <param name="jobInProgress">The SDK's <c>job_in_progress</c>: 0 when the worker holds no job.</param>
    public async Task<JsonElement?> TakeAsync(string workerId, int jobInProgress = 0)
    {
        using var response = await Worker.GetAsync($"job-take/{workerId}?gpu=local&job_in_progress={jobInProgress}");
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpStatusCode> DoneAsync(string workerId, string jobId, object body)
    {
        using var response = await Worker.PostAsJsonAsync($"job-done/{workerId}/{jobId}?gpu=local", body);
        return response.StatusCode;
    }

    /// <summary>A heartbeat as the SDK sends it: <c>job_id</c> only when the worker runs jobs.</summary>
    public async Task PingAsync(string workerId, params string[] jobIds)
    {
        var jobs = jobIds.Length == 0 ? "" : $"&job_id={string.Join(',', jobIds)}";
        using var response = await Worker.GetAsync($"ping/{workerId}?gpu=local{jobs}&runpod_version=1.12.0");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>One poll of the stop channel: the ids to stop, empty on 204.</summary>
    public async Task<IReadOnlyList<string>> StopSignalsAsync(string workerId)
    {
        using var response = await Worker.GetAsync($"job-stop/{workerId}?gpu=local");
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return [];
        }

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("jobsToStop").EnumerateArray().Select(id => id.GetString()!)];
    }

    /// <summary>The <c>workers</c> of <c>/health</c>.</summary>
    public async Task<(int Idle, int Running)> WorkersAsync()
    {
        var workers = (await Api.GetFromJsonAsync<JsonElement>("health")).GetProperty("workers");
        return (workers.GetProperty("idle").GetInt32(), workers.GetProperty("running").GetInt32());
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Worker.Dispose();
        await StopAsync();
        await _app.DisposeAsync();
    }
}
