using Transcoding.Worker.Serverless;

namespace Transcoding.Worker.Tests.Serverless;

public class RunPodClientTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000/v2/ep/job-take/$ID?gpu=local", "pod-1", "http://127.0.0.1:5000/v2/ep/job-take/pod-1?gpu=local&job_in_progress=0")]
    [InlineData("https://api.runpod.ai/v2/ep/job-take/$ID", "a b", "https://api.runpod.ai/v2/ep/job-take/a%20b?job_in_progress=0")]
    public void When_a_job_is_taken_the_url_names_the_worker_and_says_it_is_idle(string template, string podId, string expected)
    {
        Assert.Equal(expected, RunPodClient.TakeUrl(new RunPodOptions { GetJobUrl = template, PodId = podId }));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/v2/ep/job-done/$RUNPOD_POD_ID/$ID?gpu=local", "pod-1", "job-9", "http://127.0.0.1:5000/v2/ep/job-done/pod-1/job-9?gpu=local")]
    [InlineData("https://api.runpod.ai/v2/ep/job-done/$RUNPOD_POD_ID/$ID", "p", "j/1", "https://api.runpod.ai/v2/ep/job-done/p/j%2F1")]
    public void When_a_result_is_posted_the_url_names_the_worker_and_the_job(string template, string podId, string jobId, string expected)
    {
        Assert.Equal(expected, RunPodClient.DoneUrl(new RunPodOptions { PostOutputUrl = template, PodId = podId }, jobId));
    }
}
