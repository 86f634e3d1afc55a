using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Transcoding.Contracts;
using Transcoding.Dispatcher.Consumers;
using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.RunPod;
using Transcoding.Dispatcher.Tests.Support;
using Transcoding.LocalRunPod;
using Transcoding.Shared;
using Transcoding.Shared.Jobs;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Dispatcher.Tests.Integration;

/// <summary>
/// The dispatcher against LocalRunPod over real HTTP, the test playing the worker: what the dispatcher sends is what a
/// worker receives, and what a worker reports is what the dispatcher reads back.
/// </summary>
public sealed class DispatcherWithLocalRunPodTests : IAsyncLifetime
{
    private const string ApiKey = "shared-test-key";

    private HttpRecorder _gateway = null!;
    private WebApplication _runPod = null!;
    private DispatcherTestHost _dispatcher = null!;
    private HttpClient _worker = null!;

    public async Task InitializeAsync()
    {
        _gateway = await HttpRecorder.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalRunPod:ApiKey"] = ApiKey,
            ["LocalRunPod:EndpointId"] = DispatcherTestHost.EndpointId,
            ["LocalRunPod:Workers"] = "0",
            ["LocalRunPod:JobTakeWait"] = "00:00:00.500",
        });
        builder.AddLocalRunPod();
        _runPod = builder.Build();
        _runPod.MapRunPodApi();
        await _runPod.StartAsync();

        _dispatcher = await DispatcherTestHost.StartAsync(_runPod.Urls.First(), overrides: new Dictionary<string, string?>
        {
            ["RunPod:ApiKey"] = ApiKey,
            ["RunPod:CallbackBaseUrl"] = _gateway.BaseUrl,

            // RunPod has no idempotency key: a /run retried after an attempt timeout may leave a second job, and a
            // loaded test machine must not provoke that here.
            ["RunPod:AttemptTimeout"] = "00:00:30",
        });
        _worker = new HttpClient { BaseAddress = new Uri($"{_runPod.Urls.First()}/v2/{DispatcherTestHost.EndpointId}/") };
        _worker.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", ApiKey);
    }

    public async Task DisposeAsync()
    {
        _worker.Dispose();
        await _dispatcher.DisposeAsync();
        await _runPod.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task When_a_dispatched_job_completes_the_worker_got_our_input_the_poll_reports_completion_and_the_RunPod_webhook_reaches_the_gateway()
    {
        var command = new DispatchTranscode { MediaId = Guid.NewGuid(), Attempt = 1, SourceKey = "uploads/clip.mp4", SizeBytes = 2048 };
        await _dispatcher.Harness.Bus.Publish(command);
        await Eventually.True(() => _dispatcher.Harness.Published.Select<TranscodeDispatched>().Any(), "TranscodeDispatched published");
        var jobId = _dispatcher.Harness.Published.Select<TranscodeDispatched>().Single().Context.Message.JobId;

        var taken = await _worker.GetFromJsonAsync<JsonElement>("job-take/test-worker?gpu=local&job_in_progress=0");
        Assert.Equal(jobId, taken.GetProperty("id").GetString());
        var input = taken.GetProperty("input").Deserialize<WorkerJobInput>(JsonDefaults.Web)!;
        Assert.Equal((command.MediaId, 1, "uploads/clip.mp4"), (input.MediaId, input.Attempt, input.SourceKey));
        Assert.Equal($"{_gateway.BaseUrl}/webhooks/transcode", input.CallbackUrl);

        var outputs = OutputsRecords.Valid(command.MediaId);
        using (var done = await _worker.PostAsJsonAsync($"job-done/test-worker/{jobId}?gpu=local", new { output = outputs }, JsonDefaults.Web))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        await _dispatcher.Harness.Bus.Publish(new PollTranscodeStatus { MediaId = command.MediaId, Attempt = 1 });
        await Eventually.True(() => _dispatcher.Harness.Published.Select<TranscodeCompleted>().Any(), "TranscodeCompleted published");
        var completed = _dispatcher.Harness.Published.Select<TranscodeCompleted>().Single().Context.Message;
        Assert.Equal((jobId, outputs.MasterPlaylistKey, "libx264"), (completed.JobId, completed.Outputs.MasterPlaylistKey, completed.Outputs.Encoder));

        await Eventually.True(() => _gateway.Requests.Count > 0, "RunPod's webhook at the gateway");
        var (path, body) = Assert.Single(_gateway.Requests);
        var prefix = $"/webhooks/runpod/{command.MediaId:D}/1/";
        Assert.StartsWith(prefix, path);
        Assert.True(new RunPodWebhookToken(Convert.FromBase64String(_dispatcher.TokenSecret)).IsValid(command.MediaId, 1, path[prefix.Length..]));
        using var webhook = JsonDocument.Parse(body);
        Assert.Equal((jobId, "COMPLETED"), (webhook.RootElement.GetProperty("id").GetString(), webhook.RootElement.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task When_status_answers_404_and_health_answers_200_the_job_is_lost()
    {
        var mediaId = Guid.NewGuid();
        await _dispatcher.Services.GetRequiredService<IDispatchLedger>().RecordJobAsync(mediaId, 1, "job-the-endpoint-never-had", CancellationToken.None);

        await _dispatcher.Harness.Bus.Publish(new PollTranscodeStatus { MediaId = mediaId, Attempt = 1 });

        await Eventually.True(() => _dispatcher.Harness.Published.Select<TranscodeFailed>(m => m.Context.Message.MediaId == mediaId).Any(), "TranscodeFailed published");
        var failed = _dispatcher.Harness.Published.Select<TranscodeFailed>(m => m.Context.Message.MediaId == mediaId).Single().Context.Message;
        Assert.Equal((PollTranscodeStatusConsumer.JobLostErrorCode, "job-the-endpoint-never-had", false), (failed.ErrorCode, failed.JobId, failed.Permanent));
        Assert.False(_dispatcher.Harness.Published.Select<TranscodeWaiting>().Any());
    }

    [Fact]
    public async Task When_status_answers_404_and_health_answers_404_the_endpoint_is_unknown_and_the_attempt_waits_instead_of_being_lost()
    {
        // A dispatcher deployed with a mistyped endpoint id, against the same endpoint: every route answers 404.
        await using var mistyped = await DispatcherTestHost.StartAsync(_runPod.Urls.First(), overrides: new Dictionary<string, string?>
        {
            ["RunPod:ApiKey"] = ApiKey,
            ["RunPod:EndpointId"] = "no-such-endpoint",
            ["RunPod:CallbackBaseUrl"] = _gateway.BaseUrl,
        });
        var mediaId = Guid.NewGuid();
        await mistyped.Services.GetRequiredService<IDispatchLedger>().RecordJobAsync(mediaId, 1, "job-of-the-right-endpoint", CancellationToken.None);

        await mistyped.Harness.Bus.Publish(new PollTranscodeStatus { MediaId = mediaId, Attempt = 1 });

        await Eventually.True(() => mistyped.Harness.Published.Select<TranscodeWaiting>().Any(), "TranscodeWaiting published");
        var waiting = mistyped.Harness.Published.Select<TranscodeWaiting>().Single().Context.Message;
        Assert.Equal((mediaId, 1, "job-of-the-right-endpoint"), (waiting.MediaId, waiting.Attempt, waiting.JobId));
        Assert.Equal("RunPod does not know the endpoint (HTTP 404 on health): check RunPod:EndpointId and RunPod:BaseUrl.", waiting.Reason);
        Assert.False(mistyped.Harness.Published.Select<TranscodeFailed>().Any());
        var readiness = await mistyped.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, readiness.Entries[RunPodConfigurationHealth.Name].Status);
    }

    [Fact]
    public async Task When_a_dispatched_attempt_is_cancelled_its_LocalRunPod_job_is_CANCELLED()
    {
        var command = new DispatchTranscode { MediaId = Guid.NewGuid(), Attempt = 1, SourceKey = "uploads/clip.mp4" };
        await _dispatcher.Harness.Bus.Publish(command);
        await Eventually.True(() => _dispatcher.Harness.Published.Select<TranscodeDispatched>().Any(), "TranscodeDispatched published");
        var jobId = _dispatcher.Harness.Published.Select<TranscodeDispatched>().Single().Context.Message.JobId;

        await _dispatcher.Harness.Bus.Publish(new CancelTranscode { MediaId = command.MediaId, Attempt = 1, Reason = "test" });

        await Eventually.True(() => _gateway.Requests.Count > 0, "RunPod's webhook at the gateway");
        using var status = JsonDocument.Parse(await _worker.GetStringAsync($"status/{jobId}"));
        Assert.Equal("CANCELLED", status.RootElement.GetProperty("status").GetString());
    }
}
