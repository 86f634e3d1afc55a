using System.Text.Json;
using Transcoding.Gateway.RunPod;
using Transcoding.Gateway.Tests.Infrastructure;
using Transcoding.Shared;
using Transcoding.Shared.Jobs;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.RunPod;

public sealed class RunPodReportTests
{
    private static readonly Guid MediaId = Guid.Parse("7c6b5a49-3827-4615-a4b3-c2d1e0f9a8b7");

    [Theory]
    [InlineData(RunPodJobStates.Failed, "runpod_failed")]
    [InlineData(RunPodJobStates.TimedOut, "runpod_timed_out")]
    [InlineData(RunPodJobStates.Cancelled, "runpod_cancelled")]
    public void When_the_job_ended_badly_it_reads_as_a_transient_failure(string status, string code)
    {
        var report = RunPodReport.ToCallback(MediaId, 2, Job(status, error: "\"worker exited with code 137\""));

        Assert.NotNull(report);
        Assert.Equal(CallbackStatus.Failed, report.Status);
        Assert.Equal((MediaId, 2, "job-1"), (report.MediaId, report.Attempt, report.JobId));
        Assert.Equal(new CallbackError(code, "worker exited with code 137", Permanent: false), report.Error);
    }

    [Theory]
    [InlineData("{\"message\":\"out of memory\"}", "out of memory")]
    [InlineData("null", "RunPod reported the job FAILED.")]
    [InlineData("\"  \"", "RunPod reported the job FAILED.")]
    [InlineData("\"{not json\"", "{not json")]
    public void When_the_job_failed_the_message_comes_from_its_error(string errorJson, string message)
    {
        var report = RunPodReport.ToCallback(MediaId, 1, Job(RunPodJobStates.Failed, error: errorJson));

        Assert.Equal(message, report?.Error?.Message);
        Assert.False(report?.Error?.Permanent);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void When_the_worker_failed_the_job_its_own_verdict_is_kept(bool permanent)
    {
        var workerError = JsonSerializer.Serialize(new CallbackError("source_unreadable", "No decodable stream", permanent), JsonDefaults.Web);

        var report = RunPodReport.ToCallback(MediaId, 1, Job(RunPodJobStates.Failed, error: JsonSerializer.Serialize(workerError)));

        Assert.Equal(new CallbackError("source_unreadable", "No decodable stream", permanent), report?.Error);
    }

    [Fact]
    public void When_the_error_is_very_long_the_message_is_cut_to_what_validation_accepts()
    {
        var report = RunPodReport.ToCallback(MediaId, 1, Job(RunPodJobStates.Failed, error: JsonSerializer.Serialize(new string('x', 10_000))));

        Assert.Equal(Gateway.Callbacks.TranscodeCallbackValidator.MaxErrorMessageLength, report?.Error?.Message.Length);
    }

    [Fact]
    public void When_the_job_completed_its_output_becomes_the_outputs()
    {
        var outputs = Reports.Outputs(MediaId);

        var report = RunPodReport.ToCallback(MediaId, 1, Job(RunPodJobStates.Completed, output: JsonSerializer.Serialize(outputs, JsonDefaults.Web)));

        Assert.Equal(CallbackStatus.Completed, report?.Status);
        Assert.Equal(outputs.ManifestKey, report?.Outputs?.ManifestKey);
        Assert.Equal(outputs.Renditions.Single(), report?.Outputs?.Renditions.Single());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"text\"")]
    [InlineData("[1,2]")]
    [InlineData("{\"renditions\": 5}")]
    public void When_the_completed_output_is_not_an_outputs_record_the_report_has_none(string? output)
    {
        var report = RunPodReport.ToCallback(MediaId, 1, Job(RunPodJobStates.Completed, output: output));

        Assert.Equal(CallbackStatus.Completed, report?.Status);
        Assert.Null(report?.Outputs);
    }

    [Theory]
    [InlineData(RunPodJobStates.InQueue)]
    [InlineData(RunPodJobStates.InProgress)]
    public void When_the_job_is_still_going_there_is_nothing_to_report(string status)
    {
        Assert.Null(RunPodReport.ToCallback(MediaId, 1, Job(status)));
    }

    private static RunPodJobStatus Job(string status, string? output = null, string? error = null) =>
        JsonSerializer.Deserialize<RunPodJobStatus>(
            $$"""{"id":"job-1","status":"{{status}}","output":{{output ?? "null"}},"error":{{error ?? "null"}},"delayTime":12,"executionTime":3400}""",
            JsonDefaults.Web)!;
}
