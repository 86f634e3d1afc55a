using Transcoding.Worker.Serverless;

namespace Transcoding.Worker.Tests.Serverless;

/// <summary>The URLs built from RunPod's templates, as runpod-python 1.12.0 builds them (rp_job.py, rp_http.py, rp_ping.py).</summary>
public class RunPodRequestsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000/v2/ep/job-take/$ID?gpu=local", "pod-1", false, "http://127.0.0.1:5000/v2/ep/job-take/pod-1?gpu=local&job_in_progress=0")]
    [InlineData("https://api.runpod.ai/v2/ep/job-take/$ID", "a b", false, "https://api.runpod.ai/v2/ep/job-take/a%20b?job_in_progress=0")]
    [InlineData("https://api.runpod.ai/v2/ep/job-take/$ID?gpu=x", "p", true, "https://api.runpod.ai/v2/ep/job-take/p?gpu=x&job_in_progress=1")]
    public void When_a_job_is_taken_the_url_names_the_worker_and_says_whether_it_holds_a_job(string template, string podId, bool holding, string expected)
    {
        Assert.Equal(expected, RunPodRequests.TakeUrl(new RunPodOptions { GetJobUrl = template, PodId = podId }, holding));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/v2/ep/job-done/$RUNPOD_POD_ID/$ID?gpu=local", "pod-1", "job-9", "http://127.0.0.1:5000/v2/ep/job-done/pod-1/job-9?gpu=local&isStream=false")]
    [InlineData("https://api.runpod.ai/v2/ep/job-done/$RUNPOD_POD_ID/$ID", "p", "j/1", "https://api.runpod.ai/v2/ep/job-done/p/j%2F1?isStream=false")]
    public void When_a_result_is_posted_the_url_names_the_worker_and_the_job_and_says_it_is_not_a_stream(string template, string podId, string jobId, string expected)
    {
        Assert.Equal(expected, RunPodRequests.DoneUrl(new RunPodOptions { PostOutputUrl = template, PodId = podId }, jobId));
    }

    [Theory]
    [InlineData("http://h/v2/ep/job-take/$ID?gpu=local", "http://h/v2/ep/job-stop/pod-1?gpu=local")]
    [InlineData("http://h/v2/ep/job-take/$ID", "http://h/v2/ep/job-stop/pod-1")]
    [InlineData("http://h/v2/ep/take/$ID?gpu=local", null)]
    public void When_the_stop_url_is_derived_it_is_the_job_take_url_with_job_stop_and_its_query(string template, string? expected)
    {
        Assert.Equal(expected, RunPodRequests.StopUrl(new RunPodOptions { GetJobUrl = template, PodId = "pod-1" }));
    }

    [Fact]
    public void When_a_ping_names_jobs_they_are_comma_joined_in_job_id_before_the_version()
    {
        var options = new RunPodOptions { PingUrl = "http://h/v2/ep/ping/$RUNPOD_POD_ID?gpu=local", PodId = "pod-1" };
        var version = Uri.EscapeDataString(RunPodRequests.Version);

        Assert.Equal($"http://h/v2/ep/ping/pod-1?gpu=local&runpod_version={version}", RunPodRequests.PingUrl(options, []));
        Assert.Equal($"http://h/v2/ep/ping/pod-1?gpu=local&job_id=a%2Cb&runpod_version={version}", RunPodRequests.PingUrl(options, ["a", "b"]));
    }
}
