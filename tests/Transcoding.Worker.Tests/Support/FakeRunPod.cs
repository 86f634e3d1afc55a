using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Transcoding.Shared;
using Transcoding.Worker.Jobs;

namespace Transcoding.Worker.Tests.Support;

/// <summary>RunPod's worker-facing side on 127.0.0.1: job-take hands out queued jobs, job-done records what comes back.</summary>
public sealed class FakeRunPod : IAsyncDisposable
{
    public const string EndpointId = "ep-test";
    public const string ApiKey = "rp-test-key";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RunPodJob> _jobs = new();

    private FakeRunPod(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Takes { get; } = new();

    public ConcurrentQueue<string?> Authorizations { get; } = new();

    public ConcurrentQueue<(string JobId, double Progress)> Progress { get; } = new();

    public ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> Done { get; } = new();

    /// <summary>How many final job-done posts to refuse with 503 before accepting one.</summary>
    public int RefuseDone { get; set; }

    public int DonePosts => _donePosts;

    private int _donePosts;

    /// <summary>Called on each IN_PROGRESS update (e.g. to stop the worker mid-encode).</summary>
    public Action<string>? OnProgress { get; set; }

    private string BaseUrl => _app.Urls.First();

    public IDictionary<string, string?> WorkerEnvironment => new Dictionary<string, string?>
    {
        ["RUNPOD_WEBHOOK_GET_JOB"] = $"{BaseUrl}/v2/{EndpointId}/job-take/$ID?gpu=local",
        ["RUNPOD_WEBHOOK_POST_OUTPUT"] = $"{BaseUrl}/v2/{EndpointId}/job-done/$RUNPOD_POD_ID/$ID?gpu=local",
        ["RUNPOD_POD_ID"] = "pod-1",
        ["RUNPOD_AI_API_KEY"] = ApiKey,
    };

    public static async Task<FakeRunPod> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var runPod = new FakeRunPod(app);
        app.MapGet("/v2/{endpointId}/job-take/{podId}", (HttpRequest request) =>
        {
            runPod.Takes.Enqueue(request.Path + request.QueryString);
            runPod.Authorizations.Enqueue(request.Headers.Authorization);
            if (!runPod._jobs.TryDequeue(out var job))
            {
                return Results.NoContent();
            }

            return Results.Json(job, JsonDefaults.Web);
        });
        app.MapPost("/v2/{endpointId}/job-done/{podId}/{jobId}", async (string jobId, HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            if (body["status"]?.GetValue<string>() == "IN_PROGRESS")
            {
                runPod.Progress.Enqueue((jobId, body["output"]!["progress"]!.GetValue<double>()));
                runPod.OnProgress?.Invoke(jobId);
            }
            else
            {
                if (Interlocked.Increment(ref runPod._donePosts) <= runPod.RefuseDone)
                {
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }

                runPod.Done.GetOrAdd(jobId, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(body);
            }

            return Results.Ok();
        });
        await app.StartAsync();
        return runPod;
    }

    public void Enqueue(RunPodJob job)
    {
        Done.GetOrAdd(job.Id, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously));
        _jobs.Enqueue(job);
    }

    public Task<JsonObject> DoneAsync(string jobId) => Done[jobId].Task.WaitAsync(TimeSpan.FromSeconds(90));

    public static JsonElement Parse(JsonNode node) => JsonSerializer.Deserialize<JsonElement>(node.ToJsonString());

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
