using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
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
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task When_RunPod_rejects_the_run_it_is_permanent_after_exactly_one_call(int status)
    {
        _runPod.Script("run", new ScriptedResponse(status), ScriptedResponse.Job("must-not-be-reached"));

        var error = await Assert.ThrowsAsync<RunPodRejectedException>(() => Client.RunAsync(Request(), CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Contains(status.ToString(), error.Message);
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
    public async Task When_RunPod_does_not_know_a_job_its_status_is_null()
    {
        _runPod.Script("status", new ScriptedResponse(404, """{"error":"request does not exist"}"""));

        Assert.Null(await Client.GetStatusAsync("gone", CancellationToken.None));
        Assert.Equal("gone", Assert.Single(_runPod.Calls("status")).JobId);
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
        var rejected = await Assert.ThrowsAsync<RunPodRejectedException>(() => Client.RunAsync(Request(), CancellationToken.None));
        var forbidden = await Assert.ThrowsAsync<RunPodRejectedException>(() => Client.GetStatusAsync("job-ok", CancellationToken.None));

        Assert.NotEmpty(_host.Logs.Lines);
        Assert.Contains(_host.Logs.Lines, line => line.Contains("/run answered 429", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Contains(_host.ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(_host.ApiKey, rejected.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_host.ApiKey, forbidden.ToString(), StringComparison.Ordinal);
    }

    private static RunPodRunRequest Request(Guid? mediaId = null) => new(
        new WorkerJobInput { MediaId = mediaId ?? Guid.NewGuid(), Attempt = 1, SourceKey = "uploads/source.mp4" },
        "https://gateway.example.test/webhooks/runpod/x",
        new RunPodJobPolicy(900_000, 4_500_000));
}
