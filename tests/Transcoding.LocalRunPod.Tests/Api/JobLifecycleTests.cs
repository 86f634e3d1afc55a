using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Transcoding.LocalRunPod.Tests.Support;
using Transcoding.Testing;

namespace Transcoding.LocalRunPod.Tests.Api;

/// <summary>The public job API driven end to end, the test itself acting as the worker over HTTP.</summary>
public sealed class JobLifecycleTests : IAsyncLifetime
{
    private LocalRunPodTestServer _server = null!;
    private WebhookReceiver _webhook = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalRunPodTestServer.StartAsync();
        _webhook = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _webhook.DisposeAsync();
    }

    [Fact]
    public async Task When_a_worker_completes_a_job_status_shows_COMPLETED_and_the_webhook_gets_the_same_body()
    {
        var jobId = await _server.RunAsync(new { mediaId = "m-1", attempt = 1 }, _webhook.Url);

        var taken = (await _server.TakeAsync("worker-a"))!.Value;
        Assert.Equal(jobId, taken.GetProperty("id").GetString());
        Assert.Equal("m-1", taken.GetProperty("input").GetProperty("mediaId").GetString());

        Assert.Equal(HttpStatusCode.OK, await _server.DoneAsync("worker-a", jobId, new { status = "IN_PROGRESS", output = new { progress = 40 } }));
        var running = await _server.WaitForStatusAsync(jobId, "IN_PROGRESS");
        Assert.Equal(40, running.GetProperty("output").GetProperty("progress").GetInt32());
        Assert.Empty(_webhook.Received);

        Assert.Equal(HttpStatusCode.OK, await _server.DoneAsync("worker-a", jobId, new { output = new { manifestKey = "media/m-1/manifest.json" } }));
        var status = await _server.WaitForStatusAsync(jobId, "COMPLETED");
        Assert.Equal("media/m-1/manifest.json", status.GetProperty("output").GetProperty("manifestKey").GetString());
        Assert.True(status.GetProperty("delayTime").GetInt64() >= 0);
        Assert.True(status.GetProperty("executionTime").GetInt64() >= 0);
        Assert.False(status.TryGetProperty("error", out _));

        var delivered = await _webhook.WaitForDeliveryAsync();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(status.GetRawText()), JsonNode.Parse(delivered.GetRawText())), delivered.GetRawText());
    }

    [Fact]
    public async Task When_no_job_is_queued_job_take_answers_204_after_a_short_wait()
    {
        var started = DateTime.UtcNow;

        Assert.Null(await _server.TakeAsync("idle-worker"));

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task When_a_job_is_queued_while_a_worker_long_polls_the_worker_gets_it_at_once()
    {
        // The server's clock stands still, so the take's wait never runs out: only the wake-up on enqueue can end it.
        await using var server = await LocalRunPodTestServer.StartAsync(time: new FakeTimeProvider());
        var take = server.TakeAsync("waiting-worker");
        await server.LongPollingAsync("waiting-worker", "job-take");

        var jobId = await server.RunAsync(new { n = 1 });

        await Eventually.True(() => take.IsCompleted, "the waiting take to return once a job is queued");
        Assert.Equal(jobId, (await take)!.Value.GetProperty("id").GetString());
    }

    [Fact]
    public async Task When_a_job_outlives_its_execution_timeout_it_is_TIMED_OUT_and_a_late_result_is_ignored()
    {
        var jobId = await _server.RunAsync(new { n = 1 }, _webhook.Url, new { executionTimeout = 300, ttl = 60_000 });
        await _server.TakeAsync("slow-worker");

        var status = await _server.WaitForStatusAsync(jobId, "TIMED_OUT");
        Assert.Equal("TIMED_OUT", (await _webhook.WaitForDeliveryAsync()).GetProperty("status").GetString());
        Assert.True(status.GetProperty("executionTime").GetInt64() >= 300);

        Assert.Equal(HttpStatusCode.OK, await _server.DoneAsync("slow-worker", jobId, new { output = new { late = true } }));
        Assert.Equal("TIMED_OUT", (await _server.StatusAsync(jobId))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task When_a_job_waits_in_the_queue_past_its_ttl_it_is_TIMED_OUT_and_never_handed_out()
    {
        var jobId = await _server.RunAsync(new { n = 1 }, policy: new { ttl = 200 });

        await _server.WaitForStatusAsync(jobId, "TIMED_OUT");

        Assert.Null(await _server.TakeAsync("late-worker"));
    }

    [Fact]
    public async Task When_a_queued_job_is_cancelled_it_is_CANCELLED_and_no_worker_gets_it()
    {
        var jobId = await _server.RunAsync(new { n = 1 }, _webhook.Url);

        using var response = await _server.Api.PostAsync($"cancel/{jobId}", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("CANCELLED", body.GetProperty("status").GetString());
        Assert.Equal("CANCELLED", (await _webhook.WaitForDeliveryAsync()).GetProperty("status").GetString());
        Assert.Null(await _server.TakeAsync("any-worker"));
    }

    [Fact]
    public async Task When_a_running_job_is_cancelled_the_worker_result_no_longer_counts()
    {
        var jobId = await _server.RunAsync(new { n = 1 });
        await _server.TakeAsync("worker-c");

        (await _server.Api.PostAsync($"cancel/{jobId}", null)).EnsureSuccessStatusCode();
        await _server.DoneAsync("worker-c", jobId, new { output = new { done = true } });

        var status = (await _server.StatusAsync(jobId))!.Value;
        Assert.Equal("CANCELLED", status.GetProperty("status").GetString());
        Assert.False(status.TryGetProperty("output", out _));
    }

    [Fact]
    public async Task When_a_worker_reports_an_error_the_job_is_FAILED_and_a_retry_runs_it_again_with_the_same_id_and_input()
    {
        var jobId = await _server.RunAsync(new { mediaId = "m-retry" }, _webhook.Url);
        await _server.TakeAsync("worker-f");
        const string error = """{"code":"ffmpeg_failed","message":"boom","permanent":false}""";

        await _server.DoneAsync("worker-f", jobId, new { error });

        var failed = await _server.WaitForStatusAsync(jobId, "FAILED");
        Assert.Equal(error, failed.GetProperty("error").GetString());
        Assert.Equal(error, (await _webhook.WaitForDeliveryAsync()).GetProperty("error").GetString());

        using var retry = await _server.Api.PostAsync($"retry/{jobId}", null);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("IN_QUEUE", (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var again = (await _server.TakeAsync("worker-g"))!.Value;
        Assert.Equal(jobId, again.GetProperty("id").GetString());
        Assert.Equal("m-retry", again.GetProperty("input").GetProperty("mediaId").GetString());

        await _server.DoneAsync("worker-g", jobId, new { output = new { ok = true } });
        await _server.WaitForStatusAsync(jobId, "COMPLETED");
        var health = await _server.Api.GetFromJsonAsync<JsonElement>("health");
        Assert.Equal(1, health.GetProperty("jobs").GetProperty("retried").GetInt32());
    }

    [Fact]
    public async Task When_a_completed_job_is_retried_the_request_is_refused()
    {
        var jobId = await _server.RunAsync(new { n = 1 });
        await _server.TakeAsync("worker-d");
        await _server.DoneAsync("worker-d", jobId, new { output = new { ok = true } });

        using var retry = await _server.Api.PostAsync($"retry/{jobId}", null);

        Assert.Equal(HttpStatusCode.BadRequest, retry.StatusCode);
    }

    [Fact]
    public async Task When_the_queue_is_purged_queued_jobs_are_gone_and_running_ones_stay()
    {
        var running = await _server.RunAsync(new { n = 0 });
        await _server.TakeAsync("worker-p");
        var first = await _server.RunAsync(new { n = 1 });
        var second = await _server.RunAsync(new { n = 2 });

        using var response = await _server.Api.PostAsync("purge-queue", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(2, body.GetProperty("removed").GetInt32());
        Assert.Null(await _server.StatusAsync(first));
        Assert.Null(await _server.StatusAsync(second));
        Assert.Equal("IN_PROGRESS", (await _server.StatusAsync(running))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task When_runsync_is_called_it_answers_with_the_result_once_a_worker_finishes()
    {
        var call = _server.Api.PostAsJsonAsync("runsync", new { input = new { n = 5 } });
        var taken = (await _server.TakeAsync("worker-s"))!.Value;
        await _server.DoneAsync("worker-s", taken.GetProperty("id").GetString()!, new { output = new { doubled = 10 } });

        using var response = await call;
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("COMPLETED", body.GetProperty("status").GetString());
        Assert.Equal(10, body.GetProperty("output").GetProperty("doubled").GetInt32());
    }

    [Fact]
    public async Task When_runsync_waits_longer_than_its_limit_it_answers_with_the_job_still_queued()
    {
        using var response = await _server.Api.PostAsJsonAsync("runsync?wait=200", new { input = new { n = 5 } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("IN_QUEUE", body.GetProperty("status").GetString());
        Assert.NotNull(await _server.StatusAsync(body.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task When_a_run_has_no_input_object_it_is_refused()
    {
        using var response = await _server.Api.PostAsJsonAsync("run", new { webhook = "http://127.0.0.1:1/x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task When_a_job_is_unknown_status_cancel_and_job_done_answer_404()
    {
        Assert.Null(await _server.StatusAsync("no-such-job"));
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Api.PostAsync("cancel/no-such-job", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await _server.DoneAsync("w", "no-such-job", new { output = 1 }));
    }

    [Theory]
    [InlineData("GET", "health")]
    [InlineData("GET", "status/x")]
    [InlineData("POST", "run")]
    [InlineData("POST", "purge-queue")]
    [InlineData("GET", "job-take/w?gpu=local")]
    public async Task When_the_key_is_wrong_every_route_answers_401(string method, string path)
    {
        using var client = new HttpClient { BaseAddress = _server.Api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "wrong-key");

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { input = new { } }) : null });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task When_the_endpoint_id_is_unknown_the_route_answers_404()
    {
        using var response = await _server.Api.GetAsync($"{_server.BaseUrl}/v2/other-endpoint/health");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
