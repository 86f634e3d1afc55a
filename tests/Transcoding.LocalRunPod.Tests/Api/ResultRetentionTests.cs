using Transcoding.LocalRunPod.Tests.Support;

namespace Transcoding.LocalRunPod.Tests.Api;

public sealed class ResultRetentionTests
{
    [Fact]
    public async Task When_a_finished_job_is_older_than_the_retention_status_answers_404_like_RunPod()
    {
        await using var server = await LocalRunPodTestServer.StartAsync(new Dictionary<string, string?> { ["LocalRunPod:ResultRetention"] = "00:00:02" });
        var jobId = await server.RunAsync(new { n = 1 });
        await server.TakeAsync("worker-r");
        await server.DoneAsync("worker-r", jobId, new { output = new { ok = true } });
        await server.WaitForStatusAsync(jobId, "COMPLETED");

        // Retention long enough for a loaded machine to see COMPLETED first, short enough for the test.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await server.StatusAsync(jobId) is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Null(await server.StatusAsync(jobId));
    }
}
