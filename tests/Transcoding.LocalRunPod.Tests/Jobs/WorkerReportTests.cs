using System.Text.Json;
using Transcoding.LocalRunPod.Jobs;

namespace Transcoding.LocalRunPod.Tests.Jobs;

public sealed class WorkerReportTests
{
    [Theory]
    [InlineData("""{"output":{"a":1}}""", WorkerReportKind.Completed, """{"a":1}""", null)]
    [InlineData("""{"output":null}""", WorkerReportKind.Completed, null, null)]
    [InlineData("""{}""", WorkerReportKind.Completed, null, null)]
    [InlineData("""{"error":"{\"code\":\"x\"}"}""", WorkerReportKind.Failed, null, """{"code":"x"}""")]
    [InlineData("""{"error":{"code":"x"}}""", WorkerReportKind.Failed, null, """{"code":"x"}""")]
    [InlineData("""{"error":null,"output":{"a":1}}""", WorkerReportKind.Completed, """{"a":1}""", null)]
    [InlineData("""{"status":"IN_PROGRESS","output":{"progress":50}}""", WorkerReportKind.Progress, """{"progress":50}""", null)]
    [InlineData("""{"status":"IN_PROGRESS"}""", WorkerReportKind.Progress, null, null)]
    public void When_a_worker_posts_to_job_done_its_body_is_read_as_the_sdk_means_it(string body, WorkerReportKind kind, string? output, string? error)
    {
        var report = WorkerReport.Parse(JsonDocument.Parse(body).RootElement);

        Assert.Equal(kind, report.Kind);
        Assert.Equal(output, report.Output?.GetRawText());
        Assert.Equal(error, report.Error);
    }
}
