using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Transcoding.LocalRunPod.Tests.Support;

namespace Transcoding.LocalRunPod.Tests.Admin;

/// <summary><c>GET /admin/jobs</c> on a real server: what the chaos run counts GPU jobs with.</summary>
public sealed class When_the_jobs_are_listed
{
    [Fact]
    public async Task Every_job_is_listed_with_its_input_and_only_a_taken_one_as_started()
    {
        await using var server = await LocalRunPodTestServer.StartAsync();
        var taken = await server.RunAsync(new { mediaId = "m-1", attempt = 1 });
        Assert.Equal(taken, (await server.TakeAsync("worker-1"))?.GetProperty("id").GetString());
        var queued = await server.RunAsync(new { mediaId = "m-2", attempt = 1 });

        var jobs = (await server.Api.GetFromJsonAsync<JsonElement>($"{server.BaseUrl}/admin/jobs")).EnumerateArray().ToDictionary(job => job.GetProperty("id").GetString()!);

        Assert.Equal(new[] { queued, taken }.Order(), jobs.Keys.Order());
        Assert.True(jobs[taken].GetProperty("started").GetBoolean());
        Assert.Equal("IN_PROGRESS", jobs[taken].GetProperty("status").GetString());
        Assert.Equal("m-1", jobs[taken].GetProperty("input").GetProperty("mediaId").GetString());
        Assert.False(jobs[queued].GetProperty("started").GetBoolean());
        Assert.Equal("IN_QUEUE", jobs[queued].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Without_the_key_the_list_is_refused()
    {
        await using var server = await LocalRunPodTestServer.StartAsync();
        await server.RunAsync(new { mediaId = "m-1", attempt = 1 });
        using var anonymous = new HttpClient();

        using var response = await anonymous.GetAsync($"{server.BaseUrl}/admin/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
