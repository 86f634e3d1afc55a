using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Transcoding.Contracts;
using Transcoding.Dispatcher.Consumers;
using Transcoding.Dispatcher.Ledger;
using Transcoding.Dispatcher.Tests.Support;
using Transcoding.Shared;
using Transcoding.Shared.Jobs;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Dispatcher.Tests.Consumers;

public sealed class PollTranscodeStatusConsumerTests : DispatcherScenario
{
    private static TranscodeOutputs Outputs(Guid mediaId) => OutputsRecords.Valid(mediaId);

    [Fact]
    public async Task When_the_job_has_completed_its_output_becomes_TranscodeCompleted()
    {
        var mediaId = await DispatchedAsync("job-done");
        RunPod.Script("status", new ScriptedResponse(200, JsonSerializer.Serialize(new { id = "job-done", status = "COMPLETED", output = Outputs(mediaId) }, JsonDefaults.Web)));

        await PollAsync(mediaId);

        Assert.Equal("job-done", Assert.Single(RunPod.Calls("status")).JobId);
        var completed = Host.Harness.Published.Select<TranscodeCompleted>().Single().Context.Message;
        Assert.Equal((mediaId, 1, "job-done"), (completed.MediaId, completed.Attempt, completed.JobId));
        Assert.Equal(MediaKeys.MasterPlaylist(mediaId), completed.Outputs.MasterPlaylistKey);
        Assert.Equal("360p", Assert.Single(completed.Outputs.Renditions).Name);
    }

    [Fact]
    public async Task When_RunPod_forgot_the_job_but_its_manifest_is_in_storage_the_attempt_completes_from_the_manifest()
    {
        var mediaId = await DispatchedAsync("job-expired");
        RunPod.Script("status", new ScriptedResponse(404, """{"error":"request does not exist"}"""));
        RunPod.Script("health", ScriptedResponse.Healthy);
        await StoreManifestAsync(mediaId, Outputs(mediaId));

        await PollAsync(mediaId);

        var completed = Host.Harness.Published.Select<TranscodeCompleted>().Single().Context.Message;
        Assert.Equal("job-expired", completed.JobId);
        Assert.Equal(MediaKeys.Manifest(mediaId), completed.Outputs.ManifestKey);
        Assert.Equal(Outputs(mediaId).DurationSeconds, completed.Outputs.DurationSeconds);
        Assert.False(Host.Harness.Published.Select<TranscodeFailed>().Any());
    }

    [Fact]
    public async Task When_RunPod_forgot_the_job_and_no_manifest_exists_the_attempt_is_lost()
    {
        var mediaId = await DispatchedAsync("job-vanished");
        RunPod.Script("status", new ScriptedResponse(404));
        RunPod.Script("health", ScriptedResponse.Healthy);

        await PollAsync(mediaId);

        var failed = Host.Harness.Published.Select<TranscodeFailed>().Single().Context.Message;
        Assert.Equal(PollTranscodeStatusConsumer.JobLostErrorCode, failed.ErrorCode);
        Assert.Equal("job-vanished", failed.JobId);
        Assert.False(failed.Permanent);
        Assert.False(Host.Harness.Published.Select<TranscodeCompleted>().Any());
    }

    [Theory]
    [InlineData(401, null)]
    [InlineData(403, null)]
    [InlineData(404, 404)]
    [InlineData(404, 401)]
    public async Task When_RunPod_refuses_the_configuration_on_status_the_attempt_waits_and_is_neither_lost_nor_failed(int status, int? health)
    {
        var mediaId = await DispatchedAsync("job-running");
        RunPod.Script("status", new ScriptedResponse(status));
        if (health is { } healthStatus)
        {
            RunPod.Script("health", new ScriptedResponse(healthStatus));
        }

        await PollAsync(mediaId);

        var waiting = Host.Harness.Published.Select<TranscodeWaiting>().Single().Context.Message;
        Assert.Equal((mediaId, 1, "job-running"), (waiting.MediaId, waiting.Attempt, waiting.JobId));
        Assert.Contains($"HTTP {health ?? status} on {(health is null ? "status" : "health")}", waiting.Reason);
        Assert.False(Host.Harness.Published.Select<TranscodeFailed>().Any());
        Assert.False(Host.Harness.Published.Select<TranscodeCompleted>().Any());
    }

    [Theory]
    [InlineData("FAILED", RunPodJobReport.FailedCode)]
    [InlineData("TIMED_OUT", RunPodJobReport.TimedOutCode)]
    [InlineData("CANCELLED", RunPodJobReport.CancelledCode)]
    public async Task When_the_job_ended_without_output_the_attempt_fails_transiently(string status, string code)
    {
        var mediaId = await DispatchedAsync("job-bad");
        RunPod.Script("status", new ScriptedResponse(200, $$"""{"id":"job-bad","status":"{{status}}","error":"worker exited"}"""));

        await PollAsync(mediaId);

        var failed = Host.Harness.Published.Select<TranscodeFailed>().Single().Context.Message;
        Assert.Equal(code, failed.ErrorCode);
        Assert.Contains("worker exited", failed.ErrorMessage);
        Assert.False(failed.Permanent);
    }

    /// <summary>The gateway's RunPod route turns the same status into the same failure (RunPodWebhookTests).</summary>
    [Fact]
    public async Task When_the_job_completed_with_keys_of_another_media_the_attempt_fails_as_output_invalid_not_completed()
    {
        var mediaId = await DispatchedAsync("job-foreign");
        var foreign = Outputs(mediaId) with { ManifestKey = MediaKeys.Manifest(Guid.NewGuid()) };
        RunPod.Script("status", new ScriptedResponse(200, JsonSerializer.Serialize(new { id = "job-foreign", status = "COMPLETED", output = foreign }, JsonDefaults.Web)));

        await PollAsync(mediaId);

        var failed = Host.Harness.Published.Select<TranscodeFailed>().Single().Context.Message;
        Assert.Equal((mediaId, 1, "job-foreign", RunPodJobReport.OutputInvalidCode, false), (failed.MediaId, failed.Attempt, failed.JobId, failed.ErrorCode, failed.Permanent));
        Assert.False(Host.Harness.Published.Select<TranscodeCompleted>().Any());
    }

    [Fact]
    public async Task When_RunPod_forgot_the_job_and_the_manifest_in_storage_points_outside_the_item_the_attempt_fails_as_output_invalid()
    {
        var mediaId = await DispatchedAsync("job-expired");
        RunPod.Script("status", new ScriptedResponse(404));
        RunPod.Script("health", ScriptedResponse.Healthy);
        await StoreManifestAsync(mediaId, Outputs(mediaId) with { Renditions = Outputs(Guid.NewGuid()).Renditions });

        await PollAsync(mediaId);

        var failed = Host.Harness.Published.Select<TranscodeFailed>().Single().Context.Message;
        Assert.Equal((RunPodJobReport.OutputInvalidCode, false), (failed.ErrorCode, failed.Permanent));
        Assert.False(Host.Harness.Published.Select<TranscodeCompleted>().Any());
    }

    [Fact]
    public async Task When_the_worker_failed_the_job_as_permanent_the_attempt_fails_permanently()
    {
        var mediaId = await DispatchedAsync("job-corrupt");
        var workerError = JsonSerializer.Serialize(new CallbackError("source_unreadable", "Invalid data found when processing input", Permanent: true), JsonDefaults.Web);
        RunPod.Script("status", new ScriptedResponse(200, JsonSerializer.Serialize(new { id = "job-corrupt", status = "FAILED", error = workerError }, JsonDefaults.Web)));

        await PollAsync(mediaId);

        var failed = Host.Harness.Published.Select<TranscodeFailed>().Single().Context.Message;
        Assert.Equal(("source_unreadable", "Invalid data found when processing input", true), (failed.ErrorCode, failed.ErrorMessage, failed.Permanent));
    }

    public static TheoryData<string, string, string, string, string> FailureReportCases => FailureReports.Cases;

    /// <summary>The same cases as the gateway's callback route (When_a_worker_reports_a_failure_code_that_is_not_a_token).</summary>
    [Theory]
    [MemberData(nameof(FailureReportCases))]
    public async Task When_the_worker_failed_the_job_with_any_code_the_failure_has_a_token_code_and_a_clean_message(
        string scenario, string code, string message, string publishedCode, string publishedMessage)
    {
        var mediaId = await DispatchedAsync("job-reported");
        var workerError = JsonSerializer.Serialize(new CallbackError(code, message, Permanent: false), JsonDefaults.Web);
        RunPod.Script("status", new ScriptedResponse(200, JsonSerializer.Serialize(new { id = "job-reported", status = "FAILED", error = workerError }, JsonDefaults.Web)));

        await PollAsync(mediaId);

        var failed = Host.Harness.Published.Select<TranscodeFailed>().Single().Context.Message;
        Assert.Equal((publishedCode, publishedMessage, false), (failed.ErrorCode, failed.ErrorMessage, failed.Permanent));
        Assert.True(FailureReportRules.IsCode(failed.ErrorCode), scenario);
    }

    [Fact]
    public async Task When_the_job_is_still_running_nothing_is_published()
    {
        var mediaId = await DispatchedAsync("job-busy");
        RunPod.Script("status", ScriptedResponse.Job("job-busy", "IN_PROGRESS"));

        await PollAsync(mediaId);

        Assert.Single(RunPod.Calls("status"));
        Assert.False(Host.Harness.Published.Select<TranscodeCompleted>().Any());
        Assert.False(Host.Harness.Published.Select<TranscodeFailed>().Any());
    }

    [Fact]
    public async Task When_no_job_was_ever_recorded_for_the_attempt_RunPod_is_not_asked_and_the_attempt_waits_for_its_dispatch()
    {
        var mediaId = Guid.NewGuid();

        await PollAsync(mediaId);

        Assert.Empty(RunPod.Calls("status"));
        var waiting = Host.Harness.Published.Select<TranscodeWaiting>().Single().Context.Message;
        Assert.Equal((mediaId, 1, "", PollTranscodeStatusConsumer.DispatchPendingReason), (waiting.MediaId, waiting.Attempt, waiting.JobId, waiting.Reason));
        Assert.False(Host.Harness.Published.Select<TranscodeFailed>().Any());
    }

    [Fact]
    public async Task When_no_job_was_recorded_but_the_manifest_is_in_storage_the_attempt_completes_from_it()
    {
        var mediaId = Guid.NewGuid();
        await StoreManifestAsync(mediaId, Outputs(mediaId));

        await PollAsync(mediaId);

        Assert.Equal(mediaId, Host.Harness.Published.Select<TranscodeCompleted>().Single().Context.Message.MediaId);
        Assert.False(Host.Harness.Published.Select<TranscodeWaiting>().Any());
    }

    private async Task<Guid> DispatchedAsync(string jobId)
    {
        var mediaId = Guid.NewGuid();
        await Host.Services.GetRequiredService<IDispatchLedger>().RecordJobAsync(mediaId, 1, jobId, CancellationToken.None);
        return mediaId;
    }

    private Task StoreManifestAsync(Guid mediaId, TranscodeOutputs outputs) =>
        Host.Services.GetRequiredService<IObjectStorage>().UploadAsync(
            MediaKeys.Manifest(mediaId), new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(outputs, JsonDefaults.Web)), "application/json", null, CancellationToken.None);

    private async Task PollAsync(Guid mediaId)
    {
        await Host.Harness.Bus.Publish(new PollTranscodeStatus { MediaId = mediaId, Attempt = 1 });
        await Eventually.True(() => Host.Harness.Consumed.Select<PollTranscodeStatus>(message => message.Context.Message.MediaId == mediaId).Any(), "the PollTranscodeStatus consumed");
    }
}
