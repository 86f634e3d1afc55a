using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Transcoding.LocalRunPod.Tests.Support;
using Transcoding.Testing;

namespace Transcoding.LocalRunPod.Tests.Api;

/// <summary>
/// The worker side of RunPod's protocol as runpod-python 1.12.0 speaks it (docs/plans/issue-13-runpod-protocol.md §1),
/// the test acting as the worker over HTTP. Where time is the subject the server runs on a fake clock and the test runs
/// the sweep itself after moving it, so "not yet" is a fact, not a wait.
/// </summary>
public sealed class WorkerProtocolTests
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task When_job_done_is_posted_as_form_urlencoded_json_the_result_counts()
    {
        await using var server = await LocalRunPodTestServer.StartAsync();
        var jobId = await server.RunAsync(new { n = 1 });
        await server.TakeAsync("sdk-worker");

        Assert.Equal(HttpStatusCode.OK, await PostFormAsync(server, $"job-done/sdk-worker/{jobId}?gpu=local&isStream=false", """{"status": "IN_PROGRESS", "output": {"progress": 50}}"""));
        var running = await server.WaitForStatusAsync(jobId, "IN_PROGRESS");
        Assert.Equal(50, running.GetProperty("output").GetProperty("progress").GetInt32());

        Assert.Equal(HttpStatusCode.OK, await PostFormAsync(server, $"job-done/sdk-worker/{jobId}?gpu=local&isStream=true", """{"output": {"echo": "é"}}"""));
        var completed = await server.WaitForStatusAsync(jobId, "COMPLETED");
        Assert.Equal("é", completed.GetProperty("output").GetProperty("echo").GetString());
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "output=1")]
    [InlineData("application/json", "{\"output\": ")]
    [InlineData("text/plain", "")]
    public async Task When_job_done_body_is_not_json_it_answers_400(string contentType, string body)
    {
        await using var server = await LocalRunPodTestServer.StartAsync();
        var jobId = await server.RunAsync(new { n = 1 });
        await server.TakeAsync("sdk-worker");

        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new(contentType);
        using var response = await server.Worker.PostAsync($"job-done/sdk-worker/{jobId}?gpu=local&isStream=false", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("body must be JSON text (whatever the Content-Type)", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal("IN_PROGRESS", (await server.StatusAsync(jobId))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task When_a_running_job_is_cancelled_its_worker_finds_it_on_the_stop_channel()
    {
        await using var server = await LocalRunPodTestServer.StartAsync();
        var jobId = await server.RunAsync(new { n = 1 });
        await server.TakeAsync("sdk-worker");

        (await server.Api.PostAsync($"cancel/{jobId}", null)).EnsureSuccessStatusCode();

        Assert.Equal(new[] { jobId }, await server.StopSignalsAsync("sdk-worker"));
        Assert.Empty(await server.StopSignalsAsync("another-worker"));
    }

    [Fact]
    public async Task When_a_job_outlives_its_execution_timeout_its_worker_finds_it_on_the_stop_channel()
    {
        await using var server = await LocalRunPodTestServer.StartAsync(new Dictionary<string, string?> { ["LocalRunPod:JobStopWait"] = "00:01:00" });
        var jobId = await server.RunAsync(new { n = 1 }, policy: new { executionTimeout = 300 });
        await server.TakeAsync("sdk-worker");

        // Polled before the timeout, answered by it.
        var stops = await server.StopSignalsAsync("sdk-worker");

        Assert.Equal(new[] { jobId }, stops);
        Assert.Equal("TIMED_OUT", (await server.StatusAsync(jobId))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task When_a_stop_is_signalled_during_a_long_poll_the_poll_answers_at_once()
    {
        // The clock stands still: only the signal can end the poll.
        await using var server = await LocalRunPodTestServer.StartAsync(time: new FakeTimeProvider());
        var jobId = await server.RunAsync(new { n = 1 });
        await server.TakeAsync("sdk-worker");
        var poll = server.StopSignalsAsync("sdk-worker");
        await server.LongPollingAsync("sdk-worker", "job-stop");

        (await server.Api.PostAsync($"cancel/{jobId}", null)).EnsureSuccessStatusCode();

        await Eventually.True(() => poll.IsCompleted, "the waiting job-stop poll to answer");
        Assert.Equal(new[] { jobId }, await poll);
    }

    [Fact]
    public async Task When_no_job_is_to_stop_the_stop_channel_answers_204_after_the_wait()
    {
        var time = new FakeTimeProvider();
        await using var server = await LocalRunPodTestServer.StartAsync(new Dictionary<string, string?> { ["LocalRunPod:JobStopWait"] = "00:00:20" }, time);
        var poll = server.StopSignalsAsync("idle-worker");
        await server.LongPollingAsync("idle-worker", "job-stop");
        Assert.False(poll.IsCompleted, "held open while the wait lasts");

        time.Advance(TimeSpan.FromSeconds(20));

        await Eventually.True(() => poll.IsCompleted, "the job-stop poll to answer once its wait is over");
        Assert.Empty(await poll);
    }

    [Fact]
    public async Task When_a_stop_is_not_acknowledged_the_stop_channel_answers_it_again_after_the_resend_interval()
    {
        var time = new FakeTimeProvider();
        await using var server = await LocalRunPodTestServer.StartAsync(new Dictionary<string, string?> { ["LocalRunPod:JobStopWait"] = "00:00:20" }, time);
        var jobId = await server.RunAsync(new { n = 1 });
        await server.TakeAsync("sdk-worker");
        (await server.Api.PostAsync($"cancel/{jobId}", null)).EnsureSuccessStatusCode();
        Assert.Equal(new[] { jobId }, await server.StopSignalsAsync("sdk-worker"));

        // The SDK polls again at once after a non-empty answer: that poll waits instead of repeating the stop.
        var again = server.StopSignalsAsync("sdk-worker");
        await server.LongPollingAsync("sdk-worker", "job-stop");
        time.Advance(TimeSpan.FromSeconds(5));

        await Eventually.True(() => again.IsCompleted, "the stop to be answered again");
        Assert.Equal(new[] { jobId }, await again);
    }

    [Theory]
    [InlineData("a ping no longer naming the job")]
    [InlineData("a job-take with job_in_progress=0")]
    [InlineData("a result for the job")]
    public async Task When_a_worker_acknowledges_a_stop_it_is_not_killed(string acknowledgement)
    {
        var time = new FakeTimeProvider();
        await using var server = await LocalRunPodTestServer.StartAsync(time: time);
        var jobId = await StoppedJobAsync(server, "sdk-worker");

        switch (acknowledgement)
        {
            case "a ping no longer naming the job":
                await server.PingAsync("sdk-worker");
                break;
            case "a job-take with job_in_progress=0":
                // A queued job, so the take answers without the (frozen) clock running out its wait.
                await server.RunAsync(new { n = 2 });
                await server.TakeAsync("sdk-worker", jobInProgress: 0);
                break;
            default:
                Assert.Equal(HttpStatusCode.OK, await server.DoneAsync("sdk-worker", jobId, new { output = new { late = true } }));
                break;
        }

        time.Advance(GracePeriod + TimeSpan.FromSeconds(1));
        server.Sweep();

        Assert.Contains($"Worker sdk-worker let go of stopped job {jobId}", server.Messages());
        Assert.DoesNotContain(server.Messages(), message => message.Contains("did not acknowledge", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nothing")]
    [InlineData("a ping still naming the job")]
    [InlineData("a job-take with job_in_progress=1")]
    [InlineData("a progress report")]
    public async Task When_a_worker_ignores_a_stop_it_is_given_up_after_the_grace_period_and_not_before(string reply)
    {
        var time = new FakeTimeProvider();
        await using var server = await LocalRunPodTestServer.StartAsync(time: time);
        var jobId = await StoppedJobAsync(server, "sdk-worker");
        switch (reply)
        {
            case "a ping still naming the job":
                await server.PingAsync("sdk-worker", jobId);
                break;
            case "a job-take with job_in_progress=1":
                await server.RunAsync(new { n = 2 });
                await server.TakeAsync("sdk-worker", jobInProgress: 1);
                break;
            case "a progress report":
                await server.DoneAsync("sdk-worker", jobId, new { status = "IN_PROGRESS", output = new { progress = 60 } });
                break;
        }

        time.Advance(GracePeriod);
        server.Sweep();
        Assert.DoesNotContain(server.Messages(), message => message.Contains("did not acknowledge", StringComparison.Ordinal));

        time.Advance(TimeSpan.FromMilliseconds(1));
        server.Sweep();
        Assert.Contains($"Worker sdk-worker did not acknowledge the stop of job {jobId} within 00:00:30: giving the worker up", server.Messages(LogLevel.Warning));
    }

    [Fact]
    public async Task When_a_worker_holding_a_job_stops_pinging_the_job_fails_as_for_a_crash()
    {
        var time = new FakeTimeProvider();
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var server = await LocalRunPodTestServer.StartAsync(time: time);
        var jobId = await server.RunAsync(new { n = 1 }, webhook.Url);
        await server.TakeAsync("sdk-worker");
        await server.PingAsync("sdk-worker", jobId);

        time.Advance(PingTimeout);
        server.Sweep();
        Assert.Equal("IN_PROGRESS", (await server.StatusAsync(jobId))!.Value.GetProperty("status").GetString());

        time.Advance(TimeSpan.FromMilliseconds(1));
        server.Sweep();

        var failed = (await server.StatusAsync(jobId))!.Value;
        Assert.Equal(("FAILED", "worker stopped pinging"), (failed.GetProperty("status").GetString(), failed.GetProperty("error").GetString()));
        var delivered = await webhook.WaitForDeliveryAsync();
        Assert.Equal(("FAILED", "worker stopped pinging"), (delivered.GetProperty("status").GetString(), delivered.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task When_a_worker_never_pings_its_job_is_left_to_the_execution_timeout()
    {
        var time = new FakeTimeProvider();
        await using var server = await LocalRunPodTestServer.StartAsync(time: time);
        var jobId = await server.RunAsync(new { n = 1 }, policy: new { executionTimeout = 600_000 });
        await server.TakeAsync("curl-worker");

        time.Advance(PingTimeout * 3);
        server.Sweep();
        Assert.Equal("IN_PROGRESS", (await server.StatusAsync(jobId))!.Value.GetProperty("status").GetString());

        time.Advance(TimeSpan.FromMinutes(10));
        server.Sweep();
        Assert.Equal("TIMED_OUT", (await server.StatusAsync(jobId))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task When_health_is_asked_it_counts_workers_by_their_pings()
    {
        var time = new FakeTimeProvider();
        await using var server = await LocalRunPodTestServer.StartAsync(time: time);
        await server.PingAsync("gone-worker");
        time.Advance(PingTimeout + TimeSpan.FromSeconds(1));
        var done = await server.RunAsync(new { n = 1 });
        await server.TakeAsync("idle-worker");
        await server.DoneAsync("idle-worker", done, new { output = new { ok = true } });
        await server.PingAsync("idle-worker");
        var running = await server.RunAsync(new { n = 2 });
        await server.TakeAsync("busy-worker");
        await server.PingAsync("busy-worker", running);
        await server.RunAsync(new { n = 3 });
        await server.TakeAsync("never-pinging-worker");
        await server.RunAsync(new { n = 4 });

        var health = await server.Api.GetFromJsonAsync<JsonElement>("health");

        var jobs = health.GetProperty("jobs");
        Assert.Equal((1, 0, 2, 1), (jobs.GetProperty("completed").GetInt32(), jobs.GetProperty("failed").GetInt32(), jobs.GetProperty("inProgress").GetInt32(), jobs.GetProperty("inQueue").GetInt32()));
        Assert.Equal((1, 1), await server.WorkersAsync());
    }

    [Fact]
    public async Task When_a_worker_posts_to_job_stream_the_partials_show_on_stream()
    {
        await using var server = await LocalRunPodTestServer.StartAsync();
        var jobId = await server.RunAsync(new { n = 1 });
        await server.TakeAsync("sdk-worker");

        Assert.Equal(HttpStatusCode.OK, await PostFormAsync(server, $"job-stream/sdk-worker/{jobId}?gpu=local&isStream=false", """{"output": {"token": "a"}}"""));
        Assert.Equal(HttpStatusCode.OK, await PostFormAsync(server, $"job-stream/sdk-worker/{jobId}?gpu=local&isStream=false", """{"output": "b"}"""));

        var first = await server.Api.GetFromJsonAsync<JsonElement>($"stream/{jobId}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"status":"IN_PROGRESS","stream":[{"output":{"token":"a"}},{"output":"b"}]}"""), JsonNode.Parse(first.GetRawText())), first.GetRawText());
        var drained = await server.Api.GetFromJsonAsync<JsonElement>($"stream/{jobId}");
        Assert.Empty(drained.GetProperty("stream").EnumerateArray());

        await server.DoneAsync("sdk-worker", jobId, new { output = new[] { "a", "b" } });
        var ended = await server.Api.GetFromJsonAsync<JsonElement>($"stream/{jobId}");
        Assert.Equal("COMPLETED", ended.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await server.Api.GetAsync("stream/no-such-job")).StatusCode);
    }

    [Fact]
    public async Task When_job_take_batch_asks_for_3_it_answers_up_to_3_jobs_as_an_array()
    {
        await using var server = await LocalRunPodTestServer.StartAsync();
        var queued = new List<string>();
        for (var n = 1; n <= 4; n++)
        {
            queued.Add(await server.RunAsync(new { n }));
        }

        var first = await TakeBatchAsync(server, 3);
        var second = await TakeBatchAsync(server, 3);

        Assert.Equal(queued[..3], first.Select(job => job.GetProperty("id").GetString()));
        Assert.Equal(new[] { 1, 2, 3 }, first.Select(job => job.GetProperty("input").GetProperty("n").GetInt32()));
        Assert.Equal(new[] { queued[3] }, second.Select(job => job.GetProperty("id").GetString()));
        using var none = await server.Worker.GetAsync("job-take-batch/batch-worker?gpu=local&batch_size=3&job_in_progress=1");
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
        using var refused = await server.Worker.GetAsync("job-take-batch/batch-worker?gpu=local&batch_size=0&job_in_progress=0");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task When_a_ping_reports_unhealthy_the_endpoint_logs_the_check_and_reason()
    {
        await using var server = await LocalRunPodTestServer.StartAsync();

        using var response = await server.Worker.GetAsync("ping/sdk-worker?gpu=local&status=unhealthy&check=gpu_available&reason=no%20CUDA%20device&runpod_version=1.12.0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Worker sdk-worker reports itself unhealthy: check gpu_available: no CUDA device", server.Messages(LogLevel.Warning));
    }

    /// <summary>A job taken by <paramref name="workerId"/> (which has pinged it), cancelled, and its stop fetched by the worker.</summary>
    private static async Task<string> StoppedJobAsync(LocalRunPodTestServer server, string workerId)
    {
        var jobId = await server.RunAsync(new { n = 1 });
        await server.TakeAsync(workerId);
        await server.PingAsync(workerId, jobId);
        (await server.Api.PostAsync($"cancel/{jobId}", null)).EnsureSuccessStatusCode();
        Assert.Equal(new[] { jobId }, await server.StopSignalsAsync(workerId));
        return jobId;
    }

    /// <summary>As runpod-python posts: JSON text under <c>application/x-www-form-urlencoded</c> (<c>rp_http.py:38-45</c>).</summary>
    private static async Task<HttpStatusCode> PostFormAsync(LocalRunPodTestServer server, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var response = await server.Worker.PostAsync(path, content);
        return response.StatusCode;
    }

    private static async Task<List<JsonElement>> TakeBatchAsync(LocalRunPodTestServer server, int size)
    {
        using var response = await server.Worker.GetAsync($"job-take-batch/batch-worker?gpu=local&batch_size={size}&job_in_progress=0");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}
