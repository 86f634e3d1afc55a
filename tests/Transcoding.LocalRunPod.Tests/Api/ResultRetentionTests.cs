using Transcoding.LocalRunPod.Tests.Support;
using Transcoding.Testing;

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
        await Eventually.Until(() => server.StatusAsync(jobId), status => status is null, $"job {jobId} to be forgotten (404)",
            describe: status => status?.GetRawText() ?? "404");
    }
}
