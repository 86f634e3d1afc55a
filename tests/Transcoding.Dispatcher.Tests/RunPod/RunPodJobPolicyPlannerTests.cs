using Transcoding.Dispatcher.RunPod;

namespace Transcoding.Dispatcher.Tests.RunPod;

public sealed class RunPodJobPolicyPlannerTests
{
    private const long GiB = 1024L * 1024 * 1024;

    [Theory]
    [InlineData(0L, 15)] // nothing known: the floor
    [InlineData(10L * 1024 * 1024, 15)] // a small clip: the floor
    [InlineData(GiB, 20)] // 20 min per GiB
    [InlineData(3 * GiB, 60)]
    [InlineData(100 * GiB, 360)] // capped at 6 h
    [InlineData(-5L, 15)] // a bogus size cannot go under the floor
    public void When_a_job_is_planned_its_execution_timeout_follows_the_source_size_within_bounds(long sizeBytes, int expectedMinutes)
    {
        var policy = RunPodJobPolicyPlanner.Plan(sizeBytes, new RunPodOptions());

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes).TotalMilliseconds, policy.ExecutionTimeout);
    }

    [Fact]
    public void When_a_job_is_planned_its_ttl_covers_the_queue_wait_and_the_execution()
    {
        var options = new RunPodOptions { QueueTimeout = TimeSpan.FromMinutes(30) };

        var policy = RunPodJobPolicyPlanner.Plan(3 * GiB, options);

        Assert.Equal(TimeSpan.FromMinutes(90).TotalMilliseconds, policy.Ttl);
    }
}
