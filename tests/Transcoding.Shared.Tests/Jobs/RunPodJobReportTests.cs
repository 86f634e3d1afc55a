using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.Shared.Jobs;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Tests.Storage;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Shared.Tests.Jobs;

/// <summary>
/// The one mapping from a RunPod job status to the attempt's outcome, used by the gateway's RunPod route and the
/// dispatcher's poll (both also tested end to end: RunPodWebhookTests, PollTranscodeStatusConsumerTests).
/// </summary>
public sealed class RunPodJobReportTests
{
    private static readonly Guid MediaId = Guid.Parse("7c6b5a49-3827-4615-a4b3-c2d1e0f9a8b7");
    private static readonly string ValidOutput = JsonSerializer.Serialize(OutputsRecordRulesTests.Valid(MediaId), JsonDefaults.Web);
    private static readonly string ForeignOutput = JsonSerializer.Serialize(OutputsRecordRulesTests.Valid(MediaId) with { ManifestKey = MediaKeys.Manifest(Guid.NewGuid()) }, JsonDefaults.Web);
    private static readonly string WorkerVerdict = JsonSerializer.Serialize(JsonSerializer.Serialize(new CallbackError("source_unreadable", "No decodable stream", Permanent: true), JsonDefaults.Web));

    /// <summary>status, output JSON, error JSON → report status, error code (null: none), permanent, has outputs.</summary>
    public static TheoryData<string, string?, string?, string?, string?, bool, bool> Statuses => new()
    {
        { RunPodJobStates.InQueue, null, null, null, null, false, false },
        { RunPodJobStates.InProgress, null, null, null, null, false, false },
        { RunPodJobStates.Completed, ValidOutput, null, CallbackStatus.Completed, null, false, true },
        { RunPodJobStates.Completed, ForeignOutput, null, CallbackStatus.Failed, RunPodJobReport.OutputInvalidCode, false, false },
        { RunPodJobStates.Completed, "{}", null, CallbackStatus.Failed, RunPodJobReport.OutputInvalidCode, false, false },
        { RunPodJobStates.Completed, null, null, CallbackStatus.Completed, null, false, false },
        { RunPodJobStates.Completed, "\"text\"", null, CallbackStatus.Completed, null, false, false },
        { RunPodJobStates.Completed, "[1,2]", null, CallbackStatus.Completed, null, false, false },
        { RunPodJobStates.Completed, "{\"renditions\": 5}", null, CallbackStatus.Completed, null, false, false },
        { RunPodJobStates.Failed, null, "\"worker exited with code 137\"", CallbackStatus.Failed, RunPodJobReport.FailedCode, false, false },
        { RunPodJobStates.Failed, null, WorkerVerdict, CallbackStatus.Failed, "source_unreadable", true, false },
        { RunPodJobStates.TimedOut, null, "\"worker exited with code 137\"", CallbackStatus.Failed, RunPodJobReport.TimedOutCode, false, false },
        { RunPodJobStates.TimedOut, null, WorkerVerdict, CallbackStatus.Failed, RunPodJobReport.TimedOutCode, false, false },
        { RunPodJobStates.Cancelled, null, null, CallbackStatus.Failed, RunPodJobReport.CancelledCode, false, false },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void When_RunPod_reports_a_status_it_becomes_one_outcome(string status, string? output, string? error, string? reportStatus, string? code, bool permanent, bool hasOutputs)
    {
        var report = RunPodJobReport.ToCallback(MediaId, 2, Job(status, output, error));

        Assert.Equal(
            (reportStatus, code, code is null ? null : permanent, hasOutputs),
            (report?.Status, report?.Error?.Code, report?.Error?.Permanent, report?.Outputs is not null));
        if (report is not null)
        {
            Assert.Equal((MediaId, 2, "job-1"), (report.MediaId, report.Attempt, report.JobId));
        }
    }

    [Theory]
    [InlineData("\"worker exited with code 137\"", "worker exited with code 137")]
    [InlineData("{\"message\":\"out of memory\"}", "out of memory")]
    [InlineData("null", "RunPod reported the job FAILED.")]
    [InlineData("\"  \"", "RunPod reported the job FAILED.")]
    [InlineData("\"{not json\"", "{not json")]
    public void When_the_job_failed_the_message_comes_from_its_error(string errorJson, string message)
    {
        Assert.Equal(message, RunPodJobReport.ToCallback(MediaId, 1, Job(RunPodJobStates.Failed, error: errorJson))?.Error?.Message);
    }

    [Fact]
    public void When_RunPod_error_text_has_control_characters_the_published_message_has_none()
    {
        var report = RunPodJobReport.ToCallback(MediaId, 1, Job(RunPodJobStates.Failed, error: JsonSerializer.Serialize("oom\nkilled\u001b")));

        Assert.Equal("oom killed ", Assert.IsType<TranscodeFailed>(CallbackMessages.ToMessage(report!)).ErrorMessage);
    }

    [Fact]
    public void When_the_job_completed_its_output_becomes_the_outputs()
    {
        var report = RunPodJobReport.ToCallback(MediaId, 1, Job(RunPodJobStates.Completed, output: ValidOutput));

        Assert.Equal(OutputsRecordRulesTests.Valid(MediaId).Renditions.Single(), report?.Outputs?.Renditions.Single());
        Assert.Equal(MediaKeys.Manifest(MediaId), report?.Outputs?.ManifestKey);
    }

    [Fact]
    public void When_a_record_from_storage_breaks_the_layout_it_is_the_same_failure_as_one_from_RunPod()
    {
        var fromStorage = RunPodJobReport.Completion(MediaId, 2, "job-1", JsonSerializer.Deserialize<TranscodeOutputs>(ForeignOutput, JsonDefaults.Web));
        var fromRunPod = RunPodJobReport.ToCallback(MediaId, 2, Job(RunPodJobStates.Completed, output: ForeignOutput));

        Assert.Equal(fromRunPod, fromStorage);
        Assert.Equal(RunPodJobReport.OutputInvalidCode, fromStorage.Error?.Code);
    }

    private static RunPodJobStatus Job(string status, string? output = null, string? error = null) =>
        JsonSerializer.Deserialize<RunPodJobStatus>(
            $$"""{"id":"job-1","status":"{{status}}","output":{{output ?? "null"}},"error":{{error ?? "null"}},"delayTime":12,"executionTime":3400}""",
            JsonDefaults.Web)!;
}
