using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Transcoding.Dispatcher.RunPod;
using Transcoding.Dispatcher.Tests.Support;
using Transcoding.Shared.Jobs;

namespace Transcoding.Dispatcher.Tests.RunPod;

/// <summary>The typed client against a real HTTP server that fails on purpose.</summary>
public sealed class RunPodClientTests : IAsyncLifetime
{
    private ScriptedRunPodServer _runPod = null!;
    private DispatcherTestHost _host = null!;

    private RunPodClient Client => _host.Services.GetRequiredService<RunPodClient>();

    public async Task InitializeAsync()
    {
        _runPod = await ScriptedRunPodServer.StartAsync();
        _host = await DispatcherTestHost.StartAsync(_runPod.BaseUrl, withBus: false);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _runPod.DisposeAsync();
    }

    [Fact]
    public async Task When_RunPod_answers_a_429_storm_then_200_the_run_succeeds()
    {
        _runPod.Script("run", new ScriptedResponse(429), new ScriptedResponse(429), new ScriptedResponse(429), ScriptedResponse.Job("job-429"));

        var job = await Client.RunAsync(Request(), CancellationToken.None);

        Assert.Equal("job-429", job.Id);
        Assert.Equal(4, _runPod.Calls("run").Count);
    }

    [Fact]
    public async Task When_RunPod_answers_500s_then_200_the_run_succeeds()
    {
        _runPod.Script("run", new ScriptedResponse(500), new ScriptedResponse(503), ScriptedResponse.Job("job-500"));

        var job = await Client.RunAsync(Request(), CancellationToken.None);

        Assert.Equal("job-500", job.Id);
        Assert.Equal(3, _runPod.Calls("run").Count);
    }

    [Fact]
    public async Task When_a_run_request_times_out_then_succeeds_the_run_succeeds()
    {
        await using var host = await DispatcherTestHost.StartAsync(_runPod.BaseUrl, withBus: false, new Dictionary<string, string?> { ["RunPod:AttemptTimeout"] = "00:00:01" });
        _runPod.Script("run", ScriptedResponse.Job("too-late") with { Delay = TimeSpan.FromSeconds(30) }, ScriptedResponse.Job("job-after-timeout"));

        var job = await host.Services.GetRequiredService<RunPodClient>().RunAsync(Request(), CancellationToken.None);

        Assert.Equal("job-after-timeout", job.Id);
        Assert.Equal(2, _runPod.Calls("run").Count);
    }

    [Fact]
    public async Task When_RunPod_keeps_failing_the_client_gives_up_after_the_bounded_retries()
    {
        _runPod.Script("run", Enumerable.Repeat(new ScriptedResponse(503), 10).ToArray());

        var error = await Assert.ThrowsAsync<RunPodUnavailableException>(() => Client.RunAsync(Request(), CancellationToken.None));

        Assert.Contains("503", error.Message);
        Assert.Equal(4, _runPod.Calls("run").Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(422)]
    public async Task When_RunPod_rejects_the_run_it_is_permanent_after_exactly_one_call(int status)
    {
        _runPod.Script("run", new ScriptedResponse(status), ScriptedResponse.Job("must-not-be-reached"));

        var error = await Assert.ThrowsAsync<RunPodRejectedException>(() => Client.RunAsync(Request(), CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Contains(status.ToString(), error.Message);
        Assert.Single(_runPod.Calls("run"));
    }

    [Theory]
    [InlineData(401, "RunPod:ApiKey")]
    [InlineData(403, "RunPod:ApiKey")]
    [InlineData(404, "RunPod:EndpointId")]
    public async Task When_run_answers_401_403_or_404_it_is_a_configuration_fault_after_exactly_one_call(int status, string setting)
    {
        _runPod.Script("run", new ScriptedResponse(status), ScriptedResponse.Job("must-not-be-reached"));

        var error = await Assert.ThrowsAsync<RunPodConfigurationException>(() => Client.RunAsync(Request(), CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Contains($"HTTP {status} on run", error.Message);
        Assert.Contains(setting, error.Message);
        Assert.Single(_runPod.Calls("run"));
    }

    [Fact]
    public async Task When_the_client_calls_RunPod_it_sends_the_key_as_a_bearer_token_and_the_run_body_in_RunPod_shape()
    {
        _runPod.Script("run", ScriptedResponse.Job("job-shape"));
        var mediaId = Guid.NewGuid();

        await Client.RunAsync(Request(mediaId), CancellationToken.None);

        var call = Assert.Single(_runPod.Calls("run"));
        Assert.Equal("POST", call.Method);
        Assert.Equal($"Bearer {_host.ApiKey}", call.Authorization);
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal(mediaId, body.RootElement.GetProperty("input").GetProperty("mediaId").GetGuid());
        Assert.Equal("https://gateway.example.test/webhooks/runpod/x", body.RootElement.GetProperty("webhook").GetString());
        Assert.Equal(900_000, body.RootElement.GetProperty("policy").GetProperty("executionTimeout").GetInt64());
        Assert.Equal(4_500_000, body.RootElement.GetProperty("policy").GetProperty("ttl").GetInt64());
    }

    [Fact]
    public async Task When_status_answers_404_and_health_answers_200_the_job_is_unknown_and_its_status_is_null()
    {
        _runPod.Script("status", new ScriptedResponse(404, """{"error":"request does not exist"}"""));
        _runPod.Script("health", ScriptedResponse.Healthy);

        Assert.Null(await Client.GetStatusAsync("gone", CancellationToken.None));
        Assert.Equal("gone", Assert.Single(_runPod.Calls("status")).JobId);
        Assert.Equal("GET", Assert.Single(_runPod.Calls("health")).Method);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(401)]
    [InlineData(403)]
    public async Task When_status_answers_404_and_health_does_not_answer_200_it_is_a_configuration_fault_not_an_unknown_job(int health)
    {
        _runPod.Script("status", new ScriptedResponse(404));
        _runPod.Script("health", new ScriptedResponse(health));

        var error = await Assert.ThrowsAsync<RunPodConfigurationException>(() => Client.GetStatusAsync("job-1", CancellationToken.None));

        Assert.Equal((RunPodOperation.Health, (HttpStatusCode)health), (error.Operation, error.StatusCode));
    }

    [Fact]
    public async Task When_cancel_answers_404_and_health_answers_200_there_is_nothing_to_cancel()
    {
        _runPod.Script("cancel", new ScriptedResponse(404));
        _runPod.Script("health", ScriptedResponse.Healthy);

        Assert.Null(await Client.CancelAsync("gone", CancellationToken.None));
        Assert.Single(_runPod.Calls("health"));
    }

    [Fact]
    public async Task When_RunPod_refuses_the_key_the_dispatcher_is_not_ready_with_the_reason_until_the_next_successful_call()
    {
        _runPod.Script("run", new ScriptedResponse(401), ScriptedResponse.Job("job-after-fix"));
        await Assert.ThrowsAsync<RunPodConfigurationException>(() => Client.RunAsync(Request(), CancellationToken.None));

        var faulted = await ReadinessAsync();
        Assert.Equal(HealthStatus.Unhealthy, faulted.Status);
        Assert.StartsWith("RunPod refused the API key (HTTP 401 on run): check RunPod:ApiKey.", faulted.Description);
        Assert.DoesNotContain(_host.ApiKey, faulted.Description);

        await Client.RunAsync(Request(), CancellationToken.None);

        Assert.Equal(HealthStatus.Healthy, (await ReadinessAsync()).Status);
    }

    [Fact]
    public async Task When_RunPod_is_merely_unavailable_the_dispatcher_stays_ready()
    {
        _runPod.Script("run", Enumerable.Repeat(new ScriptedResponse(503), 4).ToArray());
        await Assert.ThrowsAsync<RunPodUnavailableException>(() => Client.RunAsync(Request(), CancellationToken.None));

        Assert.Equal(HealthStatus.Healthy, (await ReadinessAsync()).Status);
    }

    [Fact]
    public async Task When_a_job_is_cancelled_the_client_posts_to_cancel_and_returns_the_new_status()
    {
        _runPod.Script("cancel", ScriptedResponse.Job("job-c", "CANCELLED"));

        var job = await Client.CancelAsync("job-c", CancellationToken.None);

        Assert.Equal("CANCELLED", job!.Status);
        Assert.Equal("POST", Assert.Single(_runPod.Calls("cancel")).Method);
    }

    [Fact]
    public async Task When_requests_fail_or_are_refused_the_api_key_appears_in_no_log_line_nor_exception()
    {
        _runPod.Script("run", new ScriptedResponse(429), new ScriptedResponse(500), ScriptedResponse.Job("job-ok"), new ScriptedResponse(401));
        _runPod.Script("status", new ScriptedResponse(403));

        await Client.RunAsync(Request(), CancellationToken.None);
        var refused = await Assert.ThrowsAsync<RunPodConfigurationException>(() => Client.RunAsync(Request(), CancellationToken.None));
        var forbidden = await Assert.ThrowsAsync<RunPodConfigurationException>(() => Client.GetStatusAsync("job-ok", CancellationToken.None));

        Assert.NotEmpty(_host.Logs.Lines);
        Assert.Contains(_host.Logs.Lines, line => line.Contains("/run answered 429", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Contains(_host.ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(_host.ApiKey, refused.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_host.ApiKey, forbidden.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_host.ApiKey, (await ReadinessAsync()).Description, StringComparison.Ordinal);
    }

    private async Task<HealthReportEntry> ReadinessAsync() =>
        (await _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Name == RunPodConfigurationHealth.Name)).Entries[RunPodConfigurationHealth.Name];

    private static RunPodRunRequest Request(Guid? mediaId = null) => new(
        new WorkerJobInput { MediaId = mediaId ?? Guid.NewGuid(), Attempt = 1, SourceKey = "uploads/source.mp4" },
        "https://gateway.example.test/webhooks/runpod/x",
        new RunPodJobPolicy(900_000, 4_500_000));
}
