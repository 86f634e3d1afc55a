using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Transcoding.LocalRunPod.Tests.Support;

namespace Transcoding.LocalRunPod.Tests.Faults;

/// <summary><c>/admin/faults</c> on a real server, on a fake clock: the share, the end, the counters and the key.</summary>
public sealed class FaultInjectionTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2025-06-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task When_a_429_fault_covers_a_quarter_of_requests_exactly_a_quarter_are_refused_with_Retry_After()
    {
        await using var server = await LocalRunPodTestServer.StartAsync(time: _time);
        await SetAsync(server, new { status = 429, share = 0.25, durationSeconds = 60, retryAfterSeconds = 3 });

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add(await server.Api.GetAsync("health"));
        }

        var refused = answers.Where(answer => answer.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(5, refused.Count);
        Assert.All(refused, answer => Assert.Equal(TimeSpan.FromSeconds(3), answer.Headers.RetryAfter?.Delta));
        Assert.Equal(15, answers.Count(answer => answer.StatusCode == HttpStatusCode.OK));
        var report = await ReportAsync(server);
        Assert.Equal(5, report.GetProperty("faulted").GetInt64());
        Assert.Equal(5, report.GetProperty("byStatus").GetProperty("429").GetInt64());
        Assert.Equal(5, report.GetProperty("byRoute").GetProperty("health").GetInt64());
        Assert.Equal(0.25, report.GetProperty("fault").GetProperty("share").GetDouble());
    }

    [Fact]
    public async Task When_the_fault_time_passes_every_request_goes_through_again_and_the_counters_stay()
    {
        await using var server = await LocalRunPodTestServer.StartAsync(time: _time);
        await SetAsync(server, new { status = 500, share = 1.0, durationSeconds = 30 });

        using (var during = await server.Api.PostAsJsonAsync("run", new { input = new { n = 1 } }))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, during.StatusCode);
            Assert.Equal("injected fault: HTTP 500", (await during.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }

        _time.Advance(TimeSpan.FromSeconds(29));
        using (var stillDuring = await server.Api.GetAsync("status/unknown"))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, stillDuring.StatusCode);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        await server.RunAsync(new { n = 2 });
        var report = await ReportAsync(server);
        Assert.False(report.TryGetProperty("fault", out _));
        Assert.Equal(2, report.GetProperty("byStatus").GetProperty("500").GetInt64());
        Assert.Equal(1, report.GetProperty("byRoute").GetProperty("run").GetInt64());
        Assert.Equal(1, report.GetProperty("byRoute").GetProperty("status/{jobId}").GetInt64());
    }

    [Fact]
    public async Task When_a_fault_is_deleted_requests_go_through_at_once()
    {
        await using var server = await LocalRunPodTestServer.StartAsync(time: _time);
        await SetAsync(server, new { status = 500, share = 1.0, until = _time.GetUtcNow().AddMinutes(5) });
        using (var cancel = await server.Api.PostAsync("cancel/unknown", null))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, cancel.StatusCode);
        }

        using (var deleted = await server.Api.DeleteAsync(Admin(server)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var after = await server.Api.PostAsync("cancel/unknown", null);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task When_a_fault_is_in_force_the_worker_protocol_and_the_key_check_are_untouched()
    {
        await using var server = await LocalRunPodTestServer.StartAsync(time: _time);
        await SetAsync(server, new { status = 500, share = 1.0, durationSeconds = 60 });

        // Routes that answer at once: long polls never end on a fake clock.
        Assert.Equal(HttpStatusCode.NotFound, await server.DoneAsync("worker-1", "unknown", new { output = 1 }));
        await server.PingAsync("worker-1");
        using var anonymous = new HttpClient { BaseAddress = server.Api.BaseAddress };
        using var unauthorized = await anonymous.GetAsync("health");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(0, (await ReportAsync(server)).GetProperty("faulted").GetInt64());
    }

    [Fact]
    public async Task When_the_admin_route_lacks_the_key_it_answers_401_and_no_fault_is_set()
    {
        await using var server = await LocalRunPodTestServer.StartAsync(time: _time);
        using var anonymous = new HttpClient();
        using var wrongKey = new HttpClient();
        wrongKey.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-the-key");

        foreach (var client in new[] { anonymous, wrongKey })
        {
            using var set = await client.PostAsJsonAsync(Admin(server), new { status = 500, share = 1.0, durationSeconds = 60 });
            Assert.Equal(HttpStatusCode.Unauthorized, set.StatusCode);
            using var read = await client.GetAsync(Admin(server));
            Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        }

        Assert.False((await ReportAsync(server)).TryGetProperty("fault", out _));
        using var health = await server.Api.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("""{"status":503,"share":1,"durationSeconds":10}""", "status must be 429 or 500")]
    [InlineData("""{"status":429,"share":1.5,"durationSeconds":10}""", "share must be a number from 0 to 1")]
    [InlineData("""{"status":429,"durationSeconds":10}""", "share must be a number from 0 to 1")]
    [InlineData("""{"status":429,"share":1}""", "give exactly one of durationSeconds and until")]
    [InlineData("""{"status":429,"share":1,"durationSeconds":10,"until":"2025-06-01T12:05:00Z"}""", "give exactly one of durationSeconds and until")]
    [InlineData("""{"status":429,"share":1,"durationSeconds":0}""", "durationSeconds must be above 0 and at most 86400")]
    [InlineData("""{"status":429,"share":1,"until":"2025-06-01T11:59:59Z"}""", "until must be in the future, at most a day ahead")]
    [InlineData("""{"status":429,"share":1,"durationSeconds":10,"retryAfterSeconds":-1}""", "retryAfterSeconds must not be negative")]
    public async Task When_the_fault_request_is_invalid_it_is_refused_with_the_reason_and_nothing_changes(string body, string reason)
    {
        await using var server = await LocalRunPodTestServer.StartAsync(time: _time);

        using var response = await server.Api.PostAsync(Admin(server), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.False((await ReportAsync(server)).TryGetProperty("fault", out _));
    }

    private static string Admin(LocalRunPodTestServer server) => $"{server.BaseUrl}/admin/faults";

    private static async Task SetAsync(LocalRunPodTestServer server, object fault)
    {
        using var response = await server.Api.PostAsJsonAsync(Admin(server), fault);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<JsonElement> ReportAsync(LocalRunPodTestServer server) => server.Api.GetFromJsonAsync<JsonElement>(Admin(server));
}
