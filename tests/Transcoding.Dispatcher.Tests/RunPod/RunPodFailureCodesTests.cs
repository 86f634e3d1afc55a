using Transcoding.Dispatcher.RunPod;

namespace Transcoding.Dispatcher.Tests.RunPod;

public sealed class RunPodFailureCodesTests
{
    [Theory]
    [InlineData("FAILED", "job_failed")]
    [InlineData("TIMED_OUT", "job_timed_out")]
    [InlineData("CANCELLED", "job_cancelled")]
    [InlineData("COMPLETED", null)]
    [InlineData("IN_PROGRESS", null)]
    [InlineData("IN_QUEUE", null)]
    public void When_a_job_status_is_read_only_the_failed_ends_have_a_failure_code(string status, string? expected) =>
        Assert.Equal(expected, RunPodFailureCodes.For(status));
}
