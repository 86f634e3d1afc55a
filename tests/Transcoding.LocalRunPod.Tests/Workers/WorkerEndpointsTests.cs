using Transcoding.LocalRunPod.Workers;

namespace Transcoding.LocalRunPod.Tests.Workers;

public sealed class WorkerEndpointsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123")]
    [InlineData("http://[::]:8080", "http://127.0.0.1:8080")]
    [InlineData("http://0.0.0.0:80", "http://127.0.0.1:80")]
    [InlineData("http://+:5000", "http://127.0.0.1:5000")]
    [InlineData("http://*:5000", "http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000/", "http://localhost:5000")]
    [InlineData("https://127.0.0.1:7001;http://127.0.0.1:7000", "http://127.0.0.1:7000")]
    public void When_the_server_is_bound_workers_get_a_loopback_reachable_http_base_url(string bound, string expected) =>
        Assert.Equal(expected, WorkerEndpoints.PickBaseUrl(bound.Split(';')));

    [Fact]
    public void When_the_server_has_no_address_there_is_no_base_url() => Assert.Null(WorkerEndpoints.PickBaseUrl([]));

    [Fact]
    public void When_a_worker_starts_it_gets_the_RunPod_worker_variables_with_the_sdk_placeholders()
    {
        var environment = WorkerEndpoints.Environment("http://127.0.0.1:5123/", "ep", "local-worker-1-1", "key", TimeSpan.FromSeconds(10));

        Assert.Equal("http://127.0.0.1:5123/v2/ep/job-take/$ID?gpu=local", environment["RUNPOD_WEBHOOK_GET_JOB"]);
        Assert.Equal("http://127.0.0.1:5123/v2/ep/job-done/$RUNPOD_POD_ID/$ID?gpu=local", environment["RUNPOD_WEBHOOK_POST_OUTPUT"]);
        Assert.Equal("http://127.0.0.1:5123/v2/ep/job-stream/$RUNPOD_POD_ID/$ID?gpu=local", environment["RUNPOD_WEBHOOK_POST_STREAM"]);
        Assert.Equal("http://127.0.0.1:5123/v2/ep/ping/$RUNPOD_POD_ID?gpu=local", environment["RUNPOD_WEBHOOK_PING"]);
        Assert.Equal("10000", environment["RUNPOD_PING_INTERVAL"]);
        Assert.Equal("local-worker-1-1", environment["RUNPOD_POD_ID"]);
        Assert.Equal("key", environment["RUNPOD_AI_API_KEY"]);
    }
}
