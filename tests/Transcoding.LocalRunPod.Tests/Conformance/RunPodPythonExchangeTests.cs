using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Transcoding.LocalRunPod.Tests.Support;
using Transcoding.Testing;

namespace Transcoding.LocalRunPod.Tests.Conformance;

/// <summary>
/// Replays every exchange runpod-python 1.12.0 made with this endpoint (<see cref="RunPodPythonExchanges"/>) byte for
/// byte: method, path and query, the bare key, the Content-Type as recorded, the body as recorded. The answers are
/// checked against <see cref="Expectations"/>, never the recording's own status, which is wrong for job-done
/// (docs/plans/issue-13-runpod-protocol.md §4 "Fixture caveat", §6). Every POST is sent a second time as
/// <c>application/json</c> and must be answered the same: the Content-Type never matters.
/// </summary>
public sealed class RunPodPythonExchangeTests : IAsyncLifetime
{
    private const string WorkerId = "sdk-worker-1";

    private static readonly JsonNode Input = JsonNode.Parse("""{"hello":"sync","sleep":1}""")!;

    /// <summary>What the endpoint must do with each kind the fixture records. A recorded kind missing here fails its row.</summary>
    private static readonly Dictionary<string, Func<RunPodPythonExchangeTests, RunPodPythonExchange, Task>> Expectations = new()
    {
        ["job-stop"] = (test, exchange) => test.JobStopAsync(exchange),
        ["job-take 204"] = (test, exchange) => test.JobTakeNothingAsync(exchange),
        ["job-take 200"] = (test, exchange) => test.JobTakeAsync(exchange),
        ["job-done progress"] = (test, exchange) => test.JobDoneAsync(exchange, "IN_PROGRESS", (status, _) =>
            AssertJson("""{"progress":50,"note":"half"}""", status.GetProperty("output"))),
        ["job-done output"] = (test, exchange) => test.JobDoneAsync(exchange, "COMPLETED", (status, _) =>
            AssertJson("""{"echo":{"hello":"sync","sleep":1}}""", status.GetProperty("output"))),
        // The SDK's error is JSON text of its own (error_type, error_message, traceback, ...): kept verbatim.
        ["job-done error raise"] = (test, exchange) => test.JobDoneAsync(exchange, "FAILED", (status, sent) =>
            Assert.Equal(sent.GetProperty("error").GetString(), status.GetProperty("error").GetString())),
        ["job-done error handler"] = (test, exchange) => test.JobDoneAsync(exchange, "FAILED", (status, _) =>
            Assert.Equal("handler said no", status.GetProperty("error").GetString())),
        ["job-done output stopPod"] = (test, exchange) => test.JobDoneAsync(exchange, "COMPLETED", (status, _) =>
            AssertJson("""{"echo":{"mode":"refresh","sleep":0.5}}""", status.GetProperty("output"))),
    };

    private LocalRunPodTestServer _server = null!;
    private HttpClient _sdk = null!;

    public static TheoryData<string> Kinds() => new(RunPodPythonExchanges.Load().Select(exchange => exchange.Kind));

    public async Task InitializeAsync()
    {
        _server = await LocalRunPodTestServer.StartAsync();
        _sdk = new HttpClient { BaseAddress = new Uri(_server.BaseUrl + "/") };
    }

    public async Task DisposeAsync()
    {
        _sdk.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task When_runpod_python_makes_a_recorded_exchange_the_endpoint_answers_as_expected(string kind)
    {
        var exchange = RunPodPythonExchanges.Get(kind);
        Assert.True(Expectations.TryGetValue(kind, out var expect), $"new SDK exchange recorded ('{kind}'): add its expectation to {nameof(Expectations)}");
        Assert.Equal(RunPodPythonExchanges.BareKey, exchange.Authorization);

        await expect(this, exchange);
    }

    private async Task JobStopAsync(RunPodPythonExchange exchange)
    {
        using (var nothing = await SendAsync(exchange, jobId: "none", exchange.ContentType))
        {
            Assert.Equal(HttpStatusCode.NoContent, nothing.StatusCode);
            Assert.Empty(await nothing.Content.ReadAsByteArrayAsync());
        }

        var jobId = await TakenJobAsync();
        (await _server.Api.PostAsync($"cancel/{jobId}", null)).EnsureSuccessStatusCode();
        using var stop = await SendAsync(exchange, jobId, exchange.ContentType);

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal("application/json", stop.Content.Headers.ContentType?.MediaType);
        AssertJson($$"""{"jobsToStop":["{{jobId}}"]}""", await stop.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task JobTakeNothingAsync(RunPodPythonExchange exchange)
    {
        using var response = await SendAsync(exchange, jobId: "none", exchange.ContentType);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task JobTakeAsync(RunPodPythonExchange exchange)
    {
        var jobId = await _server.RunAsync(Input);

        using var response = await SendAsync(exchange, jobId, exchange.ContentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(jobId, job.GetProperty("id").GetString());
        AssertJson(Input.ToJsonString(), job.GetProperty("input"));
        var status = (await _server.StatusAsync(jobId))!.Value;
        Assert.Equal(("IN_PROGRESS", WorkerId), (status.GetProperty("status").GetString(), status.GetProperty("workerId").GetString()));
    }

    /// <summary>
    /// As recorded, then as <c>application/json</c>: each on a job of its own, each must end as expected.
    /// <paramref name="check"/> gets the job's <c>/status</c> and the body sent.
    /// </summary>
    private async Task JobDoneAsync(RunPodPythonExchange exchange, string expectedStatus, Action<JsonElement, JsonElement> check)
    {
        Assert.Equal("POST", exchange.Method);
        foreach (var contentType in new[] { exchange.ContentType, "application/json" })
        {
            var jobId = await TakenJobAsync();

            using var response = await SendAsync(exchange, jobId, contentType);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"sent as {contentType}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var sent = JsonDocument.Parse(exchange.BodyBytes(LocalRunPodTestServer.EndpointId, WorkerId, jobId)).RootElement;
            check(await _server.WaitForStatusAsync(jobId, expectedStatus), sent);
        }
    }

    private async Task<string> TakenJobAsync()
    {
        var jobId = await _server.RunAsync(Input);
        Assert.Equal(jobId, (await _server.TakeAsync(WorkerId))?.GetProperty("id").GetString());
        return jobId;
    }

    /// <summary>The exchange as the SDK sent it: only the placeholders filled in and the key put where the fixture says.</summary>
    private async Task<HttpResponseMessage> SendAsync(RunPodPythonExchange exchange, string jobId, string? contentType)
    {
        using var request = new HttpRequestMessage(new HttpMethod(exchange.Method), exchange.Target(LocalRunPodTestServer.EndpointId, WorkerId, jobId));
        request.Headers.TryAddWithoutValidation("Authorization", _server.ApiKey);
        if (exchange.Method != "GET" || exchange.Body.Length > 0)
        {
            request.Content = new ByteArrayContent(exchange.BodyBytes(LocalRunPodTestServer.EndpointId, WorkerId, jobId));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        return await _sdk.SendAsync(request);
    }

    private static void AssertJson(string expected, JsonElement actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual.GetRawText())), $"expected {expected}, got {actual.GetRawText()}");
}
