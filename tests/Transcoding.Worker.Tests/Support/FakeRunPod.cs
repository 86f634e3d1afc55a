using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Transcoding.Shared;
using Transcoding.Worker.Jobs;

namespace Transcoding.Worker.Tests.Support;

/// <summary>
/// RunPod's worker-facing side on 127.0.0.1, scripted, with the routes runpod-python 1.12.0 uses: job-take (long-poll:
/// scripted answers in order, else 204 after <see cref="Hold"/>), job-stop (long-poll fed by <see cref="Stop"/> or
/// scripted answers, else 204 after <see cref="Hold"/>), job-done (progress and results, JSON read whatever the
/// content type) and ping. Every request is recorded as it arrived.
/// </summary>
public sealed class FakeRunPod : IAsyncDisposable
{
    public const string EndpointId = "ep-test";
    public const string ApiKey = "rp-test-key";
    public const string PodId = "pod-1";

    private readonly WebApplication _app;
    private readonly Channel<ScriptedAnswer> _takeAnswers = Channel.CreateUnbounded<ScriptedAnswer>();
    private readonly Channel<ScriptedAnswer> _stopAnswers = Channel.CreateUnbounded<ScriptedAnswer>();
    private readonly ConcurrentQueue<int> _doneAnswers = new();
    private int _failPings;
    private int _stopAnswersQueued;
    private int _stopAnswersGiven;
    private int _pollOfLastStopAnswer;

    private FakeRunPod(WebApplication app) => _app = app;

    /// <summary>How long an empty job-take or job-stop poll is held open before 204, as RunPod holds them.</summary>
    public TimeSpan Hold { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Every request received, in arrival order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public IReadOnlyList<RecordedRequest> Takes => Of("job-take");

    public IReadOnlyList<RecordedRequest> StopPolls => Of("job-stop");

    public IReadOnlyList<RecordedRequest> Pings => Of("ping");

    /// <summary>Final (not IN_PROGRESS) job-done posts, whatever they were answered.</summary>
    public IReadOnlyList<RecordedRequest> DonePosts => [.. Of("job-done").Where(r => !r.Body.Contains("\"IN_PROGRESS\"", StringComparison.Ordinal))];

    public ConcurrentQueue<(string JobId, double Progress)> Progress { get; } = new();

    public ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> Done { get; } = new();

    /// <summary>Called on each IN_PROGRESS update (e.g. to stop the worker mid-encode).</summary>
    public Action<string>? OnProgress { get; set; }

    private string BaseUrl => _app.Urls.First();

    /// <summary>What RunPod gives a worker, ping every second (tests that time pings set their own interval).</summary>
    public IDictionary<string, string?> WorkerEnvironment => new Dictionary<string, string?>
    {
        ["RUNPOD_WEBHOOK_GET_JOB"] = $"{BaseUrl}/v2/{EndpointId}/job-take/$ID?gpu=local",
        ["RUNPOD_WEBHOOK_POST_OUTPUT"] = $"{BaseUrl}/v2/{EndpointId}/job-done/$RUNPOD_POD_ID/$ID?gpu=local",
        ["RUNPOD_WEBHOOK_PING"] = $"{BaseUrl}/v2/{EndpointId}/ping/$RUNPOD_POD_ID?gpu=local",
        ["RUNPOD_PING_INTERVAL"] = "1000",
        ["RUNPOD_POD_ID"] = PodId,
        ["RUNPOD_AI_API_KEY"] = ApiKey,
    };

    public static async Task<FakeRunPod> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var runPod = new FakeRunPod(app);
        app.Use(async (context, next) =>
        {
            runPod.Requests.Enqueue(await RecordAsync(context.Request));
            await next(context);
        });
        app.MapGet("/v2/{endpointId}/job-take/{podId}", (CancellationToken aborted) => runPod.AnswerTakeAsync(aborted));
        app.MapGet("/v2/{endpointId}/job-stop/{podId}", (CancellationToken aborted) => runPod.AnswerStopAsync(aborted));
        app.MapGet("/v2/{endpointId}/ping/{podId}", () =>
            Interlocked.Decrement(ref runPod._failPings) >= 0 ? Results.StatusCode(StatusCodes.Status500InternalServerError) : Results.Ok());
        app.MapPost("/v2/{endpointId}/job-done/{podId}/{jobId}", (string jobId, HttpContext context) => runPod.JobDone(jobId, (RecordedRequest)context.Items[nameof(RecordedRequest)]!));
        await app.StartAsync();
        return runPod;
    }

    /// <summary>Queues a job for job-take (200, application/json).</summary>
    public void Enqueue(RunPodJob job)
    {
        Done.GetOrAdd(job.Id, _ => NewDone());
        EnqueueTake(new ScriptedAnswer(StatusCodes.Status200OK, JsonSerializer.Serialize(job, JsonDefaults.Web), "application/json"));
    }

    /// <summary>Queues any answer for job-take, e.g. 400, 429 or a body that is not a job.</summary>
    public void EnqueueTake(ScriptedAnswer answer) => _takeAnswers.Writer.TryWrite(answer);

    /// <summary>Answers the next (or the pending) job-stop poll with <c>{"jobsToStop": [jobIds]}</c>.</summary>
    public void Stop(params string[] jobIds) => EnqueueStop(new ScriptedAnswer(
        StatusCodes.Status200OK, JsonSerializer.Serialize(new { jobsToStop = jobIds }), "application/json"));

    /// <summary>Queues any answer for job-stop, e.g. 429 or a body that is not JSON.</summary>
    public void EnqueueStop(ScriptedAnswer answer)
    {
        Interlocked.Increment(ref _stopAnswersQueued);
        _stopAnswers.Writer.TryWrite(answer);
    }

    /// <summary>
    /// Waits until every queued job-stop answer was given and the worker polled again after the last: the worker polls
    /// only once it has acted on an answer.
    /// </summary>
    public Task StopAnswersHandledAsync() => Eventually.True(
        () => Volatile.Read(ref _stopAnswersGiven) == Volatile.Read(ref _stopAnswersQueued) && StopPolls.Count > Volatile.Read(ref _pollOfLastStopAnswer),
        "the worker to poll job-stop again after the queued answers");

    /// <summary>Answers the next final job-done posts with these statuses, in order; 200 after them.</summary>
    public void AnswerDone(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _doneAnswers.Enqueue(status);
        }
    }

    /// <summary>Answers the next <paramref name="count"/> pings with 500.</summary>
    public void FailPings(int count) => Interlocked.Exchange(ref _failPings, count);

    public Task<JsonObject> DoneAsync(string jobId) => Done.GetOrAdd(jobId, _ => NewDone()).Task.WaitAsync(TimeSpan.FromSeconds(90));

    /// <summary>The <c>job_id</c> of each ping in order: null when it named none.</summary>
    public IReadOnlyList<string?> PingedJobIds => [.. Pings.Select(ping => ping.QueryParameters.FirstOrDefault(p => p.Key == "job_id").Value)];

    public static JsonElement Parse(JsonNode node) => JsonSerializer.Deserialize<JsonElement>(node.ToJsonString());

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IReadOnlyList<RecordedRequest> Of(string route) => [.. Requests.Where(request => request.Route == route)];

    private static TaskCompletionSource<JsonObject> NewDone() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The next scripted answer, or null when none came within <see cref="Hold"/> (or the worker gave up).</summary>
    private async Task<ScriptedAnswer?> NextAsync(Channel<ScriptedAnswer> answers, CancellationToken aborted)
    {
        using var hold = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        hold.CancelAfter(Hold);
        try
        {
            return await answers.Reader.ReadAsync(hold.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task<IResult> AnswerTakeAsync(CancellationToken aborted) =>
        (await NextAsync(_takeAnswers, aborted))?.ToResult() ?? Results.NoContent();

    private async Task<IResult> AnswerStopAsync(CancellationToken aborted)
    {
        if (await NextAsync(_stopAnswers, aborted) is not { } answer)
        {
            return Results.NoContent();
        }

        Volatile.Write(ref _pollOfLastStopAnswer, StopPolls.Count);
        Interlocked.Increment(ref _stopAnswersGiven);
        return answer.ToResult();
    }

    private IResult JobDone(string jobId, RecordedRequest request)
    {
        var body = JsonNode.Parse(request.Body)!.AsObject();
        if (body["status"]?.GetValue<string>() == "IN_PROGRESS")
        {
            Progress.Enqueue((jobId, body["output"]!["progress"]!.GetValue<double>()));
            OnProgress?.Invoke(jobId);
            return Results.Ok();
        }

        var status = _doneAnswers.TryDequeue(out var scripted) ? scripted : StatusCodes.Status200OK;
        if (status == StatusCodes.Status200OK)
        {
            Done.GetOrAdd(jobId, _ => NewDone()).TrySetResult(body);
        }

        return Results.StatusCode(status);
    }

    private static async Task<RecordedRequest> RecordAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
        var recorded = new RecordedRequest(
            request.Method,
            request.Path.Value ?? "",
            request.QueryString.Value ?? "",
            request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            request.Headers.ContentType.Count == 0 ? null : request.Headers.ContentType.ToString(),
            body);
        request.HttpContext.Items[nameof(RecordedRequest)] = recorded;
        return recorded;
    }
}
