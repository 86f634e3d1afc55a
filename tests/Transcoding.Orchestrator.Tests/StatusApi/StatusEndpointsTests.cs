using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;
using Transcoding.Orchestrator.StatusApi;
using Transcoding.Shared;
using Transcoding.Shared.Webhooks;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.StatusApi;

/// <summary>The status API over HTTP on the orchestrator as deployed (in-memory transport and saga store).</summary>
public sealed class StatusEndpointsTests(OrchestratorFactory factory) : IClassFixture<OrchestratorFactory>
{
    private readonly HttpClient _client = OrchestratorFactory.ClientFor(factory, OrchestratorFactory.OperatorKey);

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("12345")]
    public async Task When_the_id_is_malformed_the_answer_is_400(string id)
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/media/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync($"/media/{id}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync($"/media/{id}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task When_the_media_is_unknown_the_answer_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/media/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync($"/media/{Guid.NewGuid()}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync($"/media/{Guid.NewGuid()}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task When_media_is_transcoding_its_status_is_shown_and_a_retry_is_refused_with_409()
    {
        var id = await Upload();
        var status = await WaitForState(id, MediaStates.Transcoding);

        Assert.Equal($"uploads/{id}/a.mp4", status.SourceKey);
        Assert.Equal(1, status.AttemptsUsed);
        Assert.Equal(2, status.AttemptsAllowed);
        Assert.Equal([MediaStates.Uploaded, MediaStates.Transcoding], status.History.Select(h => h.To));
        var retry = await _client.PostAsync($"/media/{id}/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Contains("transcoding", await retry.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task When_media_failed_with_attempts_left_a_retry_is_accepted_with_202_and_the_new_attempt_shows_no_failure_and_the_key_that_asked()
    {
        var id = await Upload();
        await WaitForState(id, MediaStates.Transcoding);
        await Publish(new TranscodeFailed { MediaId = id, Attempt = 1, ErrorCode = "source_unreadable", ErrorMessage = "moov atom not found", Permanent = true });
        var failed = await WaitForState(id, MediaStates.Failed);
        Assert.Equal(new MediaFailure("source_unreadable", "moov atom not found", true), failed.Failure);

        // The body names someone else: who asked is the key, the body's name only unverified text in the reason.
        var retry = await _client.PostAsJsonAsync($"/media/{id}/retry", new OperatorRequest("mallory", "source replaced"));

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        // The in-memory saga store exposes a step in progress, so wait for the step to finish rather than its first change.
        var again = await WaitFor(id, s => s.AttemptsUsed == 2 && s.State == MediaStates.Transcoding);
        Assert.Contains(again.History, h => h.From == MediaStates.Failed && h.Reason == "retry requested by test-operator: on behalf of \"mallory\": source replaced");
        Assert.Null(again.Failure);
    }

    [Fact]
    public async Task When_the_retry_budget_is_used_a_retry_is_refused_with_the_reason()
    {
        var id = await Upload();
        await WaitForState(id, MediaStates.Transcoding);
        await Publish(new TranscodeFailed { MediaId = id, Attempt = 1, ErrorCode = "worker_crashed", ErrorMessage = "x" });
        await WaitFor(id, s => s.AttemptsUsed == 2 && s.State == MediaStates.Transcoding);
        await Publish(new TranscodeFailed { MediaId = id, Attempt = 2, ErrorCode = "worker_crashed", ErrorMessage = "x" });
        await WaitForState(id, MediaStates.Failed);

        var retry = await _client.PostAsync($"/media/{id}/retry", null);

        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Contains(TranscodeTransitionRules.MaxAttemptsReached, await retry.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task When_the_attempt_waits_on_a_configuration_fault_the_status_shows_the_reason_and_since_when_until_it_is_dispatched()
    {
        var id = await Upload();
        await WaitForState(id, MediaStates.Transcoding);
        var since = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        const string reason = "RunPod refused the API key (HTTP 401 on run): check RunPod:ApiKey.";
        await Publish(new TranscodeWaiting { MediaId = id, Attempt = 1, Reason = reason, Since = since });

        var waiting = await WaitFor(id, s => s.Waiting is not null);

        Assert.Equal(new MediaWaiting(reason, since), waiting.Waiting);
        Assert.Equal((MediaStates.Transcoding, 1, null), (waiting.State, waiting.AttemptsUsed, waiting.Failure));

        await Publish(new TranscodeDispatched { MediaId = id, Attempt = 1, JobId = "job-1" });
        // The in-memory saga store exposes a step in progress: wait for the step's end rather than assert on its start.
        await WaitFor(id, s => s.JobId == "job-1" && s.Waiting is null);
    }

    [Fact]
    public async Task When_media_is_transcoding_a_cancel_is_accepted_with_202_and_the_item_ends_failed_cancelled_by_the_key_that_asked_and_why()
    {
        var id = await Upload();
        await WaitForState(id, MediaStates.Transcoding);

        var cancel = await _client.PostAsJsonAsync($"/media/{id}/cancel", new OperatorRequest("alice", "wrong file"));

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal($"/media/{id}", cancel.Headers.Location?.OriginalString);
        var failed = await WaitForState(id, MediaStates.Failed);
        Assert.Equal(TranscodeStateMachine.CancelledErrorCode, failed.Failure!.Code);
        Assert.False(failed.Failure.Permanent);
        Assert.Contains(failed.History, h => h.To == MediaStates.Failed && h.Reason == "cancelled: cancelled by test-operator: on behalf of \"alice\": wrong file");
    }

    /// <summary>The body's name cannot pass for the text around it: quoted with its own quotes and backslashes escaped,
    /// on one line (line breaks, ESC and bidi overrides become spaces).</summary>
    [Theory]
    [InlineData("alice) (cancelled by root", """on behalf of "alice) (cancelled by root": wrong file""")]
    [InlineData("alice\": approved. cancelled by root: \"x", """on behalf of "alice\": approved. cancelled by root: \"x": wrong file""")]
    [InlineData("alice\\", """on behalf of "alice\\": wrong file""")]
    [InlineData("alice\ncancelled by root\u001b[2J\u202E", """on behalf of "alice cancelled by root [2J": wrong file""")]
    public async Task When_the_body_names_someone_else_in_a_misleading_way_the_history_quotes_the_name_on_one_line(string requestedBy, string expected)
    {
        var id = await Upload();
        await WaitForState(id, MediaStates.Transcoding);

        var cancel = await _client.PostAsJsonAsync($"/media/{id}/cancel", new OperatorRequest(requestedBy, "wrong file"));

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var failed = await WaitForState(id, MediaStates.Failed);
        Assert.Contains(failed.History, h => h.To == MediaStates.Failed && h.Reason == $"cancelled: cancelled by test-operator: {expected}");
    }

    /// <summary>The history keeps <see cref="FailureReportRules.MaxMessageLength"/> characters: a long reason is cut, the
    /// name before it is not; a long name is cut to <see cref="OnBehalfOfText.MaxNameLength"/> characters and says so.</summary>
    [Fact]
    public async Task When_the_reason_and_the_name_are_long_the_history_keeps_the_name_cut_with_an_ellipsis_before_the_cut_reason()
    {
        var id = await Upload();
        await WaitForState(id, MediaStates.Transcoding);
        var name = new string('n', OnBehalfOfText.MaxNameLength) + "-tail";

        var cancel = await _client.PostAsJsonAsync($"/media/{id}/cancel", new OperatorRequest(name, new string('r', 2 * FailureReportRules.MaxMessageLength)));

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var failed = await WaitForState(id, MediaStates.Failed);
        var reason = Assert.Single(failed.History, h => h.To == MediaStates.Failed).Reason;
        Assert.NotNull(reason);
        Assert.StartsWith($"cancelled: cancelled by test-operator: on behalf of \"{new string('n', OnBehalfOfText.MaxNameLength)}…\": rrr", reason);
        Assert.Equal(FailureReportRules.MaxMessageLength, reason.Length);
    }

    [Theory]
    [InlineData("""{"reason":"wrong file"}""")]
    [InlineData("""{"requestedBy":"test-operator","reason":"wrong file"}""")]
    public async Task When_the_body_names_nobody_else_the_history_names_the_key_alone(string body)
    {
        var id = await Upload();
        await WaitForState(id, MediaStates.Transcoding);

        var cancel = await _client.PostAsync($"/media/{id}/cancel", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var failed = await WaitForState(id, MediaStates.Failed);
        Assert.Contains(failed.History, h => h.To == MediaStates.Failed && h.Reason == "cancelled: cancelled by test-operator: wrong file");
    }

    [Theory]
    [InlineData(MediaStates.Ready)]
    [InlineData(MediaStates.Failed)]
    public async Task When_media_has_ended_a_cancel_is_refused_with_409_and_the_reason(string end)
    {
        var id = await Upload();
        await WaitForState(id, MediaStates.Transcoding);
        await Publish<object>(end == MediaStates.Ready
            ? new TranscodeCompleted { MediaId = id, Attempt = 1, JobId = "job-1", Outputs = new TranscodeOutputs { MasterPlaylistKey = "m" } }
            : new TranscodeFailed { MediaId = id, Attempt = 1, ErrorCode = "source_unreadable", ErrorMessage = "x", Permanent = true });
        await WaitForState(id, end);

        var cancel = await _client.PostAsync($"/media/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Contains($"the media item is {end}", await cancel.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task When_an_attempt_has_been_measured_its_job_outcome_times_and_gpu_seconds_are_shown()
    {
        var id = await Upload();
        await WaitForState(id, MediaStates.Transcoding);
        await Publish(new TranscodeCompleted { MediaId = id, Attempt = 1, JobId = "job-1", Outputs = new TranscodeOutputs { MasterPlaylistKey = "m", Encoder = "libx264" } });
        await WaitForState(id, MediaStates.Ready);

        await Publish(new TranscodeUsageMeasured { MediaId = id, Attempt = 1, JobId = "job-1", JobStatus = "COMPLETED", DelayTimeMs = 824, ExecutionTimeMs = 3_391 });

        var status = await WaitFor(id, s => s.Usage.Complete);
        var attempt = Assert.Single(status.Usage.Attempts);
        Assert.Equal((1, "job-1", MediaStates.Ready, 824L, 3_391L, 3.391), (attempt.Attempt, attempt.JobId, attempt.Outcome, attempt.DelayTimeMs, attempt.ExecutionTimeMs, attempt.GpuSeconds));
        Assert.Equal(3.391, status.Usage.GpuSeconds);
    }

    [Fact]
    public async Task The_openapi_document_is_served()
    {
        var document = await _client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/media/{id}/retry", document);
        Assert.Contains("/media/{id}/cancel", document);
    }

    [Fact]
    public async Task The_openapi_document_names_the_credentials_and_the_answers_to_wrong_ones()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;

        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal(("apiKey", "header", "X-Api-Key"), ((string?)schemes["ApiKey"]!["type"], (string?)schemes["ApiKey"]!["in"], (string?)schemes["ApiKey"]!["name"]));
        Assert.Equal(("http", "bearer", "JWT"), ((string?)schemes["Bearer"]!["type"], (string?)schemes["Bearer"]!["scheme"], (string?)schemes["Bearer"]!["bearerFormat"]));
        foreach (var (path, method) in new[] { ("/media", "get"), ("/media/{id}/retry", "post"), ("/faults/replay", "post") })
        {
            var operation = document["paths"]![path]![method]!;
            Assert.Equal(2, operation["security"]!.AsArray().Count);
            Assert.NotNull(operation["responses"]!["401"]);
            Assert.NotNull(operation["responses"]!["403"]);
        }

        foreach (var path in new[] { "/faults/replay", "/faults/purge" })
        {
            Assert.NotNull(document["paths"]![path]!["post"]!["responses"]!["404"]);
            Assert.NotNull(document["paths"]![path]!["post"]!["responses"]!["503"]);
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_replay_rate()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;

        var rate = Assert.Single(document["paths"]!["/faults/replay"]!["post"]!["parameters"]!.AsArray(), p => (string?)p!["name"] == "rate")!;
        Assert.Equal("query", (string?)rate["in"]);
        Assert.Contains("messages replayed per second", (string?)rate["description"]);
    }

    private async Task<Guid> Upload()
    {
        var id = Guid.NewGuid();
        await Publish(new MediaUploaded { MediaId = id, SourceKey = $"uploads/{id}/a.mp4", ContentType = "video/mp4", SizeBytes = 1, UploadedAt = DateTimeOffset.UtcNow });
        return id;
    }

    private Task Publish<T>(T message)
        where T : class => factory.Services.GetRequiredService<IBus>().Publish(message, message.GetType());

    private Task<MediaStatus> WaitForState(Guid id, string state) => WaitFor(id, s => s.State == state);

    private async Task<MediaStatus> WaitFor(Guid id, Func<MediaStatus, bool> condition) =>
        (await Eventually.Until(() => Status(id), status => status is not null && condition(status), $"media {id} to reach the awaited status",
            describe: status => status is null ? "not found" : $"{status.State}, attempt {status.AttemptsUsed}"))!;

    private async Task<MediaStatus?> Status(Guid id)
    {
        using var response = await _client.GetAsync($"/media/{id}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<MediaStatus>(JsonDefaults.Web);
    }
}
