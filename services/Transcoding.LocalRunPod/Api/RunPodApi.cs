using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Transcoding.LocalRunPod.Jobs;

namespace Transcoding.LocalRunPod.Api;

/// <summary>The handlers of RunPod's queue-based endpoint API and of its worker protocol.</summary>
public static class RunPodApi
{
    private static readonly ApiError UnknownJob = new("request does not exist");

    private static readonly IResult NotJson = Json(new ApiError("body must be JSON text (whatever the Content-Type)"), StatusCodes.Status400BadRequest);

    public static IResult Run(RunRequest request, JobStore store)
    {
        if (request.Input is not { ValueKind: JsonValueKind.Object } input)
        {
            return Json(new ApiError("input is required and must be a JSON object"), StatusCodes.Status400BadRequest);
        }

        var job = store.Submit(input, request.Webhook, request.Policy, sync: false);
        return Json(new JobStatusBody { Id = job.Id, Status = job.Status });
    }

    public static async Task<IResult> RunSyncAsync(
        RunRequest request,
        [FromQuery] long? wait,
        JobStore store,
        IOptions<LocalRunPodOptions> options,
        CancellationToken cancellationToken)
    {
        if (request.Input is not { ValueKind: JsonValueKind.Object } input)
        {
            return Json(new ApiError("input is required and must be a JSON object"), StatusCodes.Status400BadRequest);
        }

        var job = store.Submit(input, request.Webhook, request.Policy, sync: true);
        var limit = wait is > 0
            ? TimeSpan.FromMilliseconds(Math.Min(wait.Value, options.Value.MaxRunSyncWait.TotalMilliseconds))
            : options.Value.RunSyncWait;
        var status = await store.WaitAsync(job.Id, limit, cancellationToken);
        return status is null ? Json(UnknownJob, StatusCodes.Status404NotFound) : Json(status);
    }

    public static IResult Status(string jobId, JobStore store) => Answer(store.Find(jobId));

    public static IResult Cancel(string jobId, JobStore store) =>
        store.Cancel(jobId) is { } job ? Json(new JobStatusBody { Id = job.Id, Status = job.Status }) : Json(UnknownJob, StatusCodes.Status404NotFound);

    public static IResult Retry(string jobId, JobStore store)
    {
        var (job, requeued) = store.Retry(jobId);
        if (job is null)
        {
            return Json(UnknownJob, StatusCodes.Status404NotFound);
        }

        return requeued
            ? Json(new JobStatusBody { Id = job.Id, Status = job.Status })
            : Json(new ApiError($"only FAILED or TIMED_OUT jobs can be retried; this one is {job.Status}"), StatusCodes.Status400BadRequest);
    }

    public static IResult PurgeQueue(JobStore store) => Json(new PurgeResult(store.PurgeQueue(), "completed"));

    public static IResult Health(JobStore store) => Json(store.Health());

    /// <summary>
    /// <c>GET job-take/{workerId}?job_in_progress=0|1</c> (E1 of docs/plans/issue-13-runpod-protocol.md): long-polls
    /// up to <see cref="LocalRunPodOptions.JobTakeWait"/>; 200 <c>{"id", "input"}</c> or 204.
    /// <c>job_in_progress=0</c> acknowledges the worker's pending stops.
    /// </summary>
    public static async Task<IResult> TakeAsync(
        string workerId,
        [FromQuery(Name = "job_in_progress")] string? jobInProgress,
        JobStore store,
        IOptions<LocalRunPodOptions> options,
        CancellationToken cancellationToken)
    {
        var jobs = await store.TakeAsync(workerId, 1, jobInProgress == "0", options.Value.JobTakeWait, cancellationToken);
        return jobs.Count == 0 ? Results.NoContent() : Json(jobs[0]);
    }

    /// <summary>
    /// <c>GET job-take-batch/{workerId}?batch_size=N&amp;job_in_progress=0|1</c> (<c>rp_job.py:115-117</c>, E2): as
    /// <see cref="TakeAsync"/>, answering a JSON array of up to N jobs; 400 when N is not a positive integer.
    /// </summary>
    public static async Task<IResult> TakeBatchAsync(
        string workerId,
        [FromQuery(Name = "batch_size")] string? batchSize,
        [FromQuery(Name = "job_in_progress")] string? jobInProgress,
        JobStore store,
        IOptions<LocalRunPodOptions> options,
        CancellationToken cancellationToken)
    {
        if (!int.TryParse(batchSize, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return Json(new ApiError("batch_size must be a positive integer"), StatusCodes.Status400BadRequest);
        }

        var jobs = await store.TakeAsync(workerId, count, jobInProgress == "0", options.Value.JobTakeWait, cancellationToken);
        return jobs.Count == 0 ? Results.NoContent() : Json(jobs);
    }

    /// <summary>
    /// <c>POST job-done/{workerId}/{jobId}?isStream=…</c> (E4, E5): a result, error or progress update. The body is JSON
    /// whatever the Content-Type: runpod-python sends JSON text as <c>application/x-www-form-urlencoded</c>
    /// (<c>rp_http.py:38-45</c>). 200; 400 when the body is not JSON; 404 when the job is unknown. <c>isStream</c> is
    /// accepted and changes nothing (a generator's aggregate arrives as the output).
    /// </summary>
    public static async Task<IResult> DoneAsync(string workerId, string jobId, HttpRequest request, JobStore store, CancellationToken cancellationToken)
    {
        if (await ReadJsonAsync(request, cancellationToken) is not { } body)
        {
            return NotJson;
        }

        return store.Report(workerId, jobId, WorkerReport.Parse(body)) ? Results.Ok() : Json(UnknownJob, StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// <c>POST job-stream/{workerId}/{jobId}</c> (<c>rp_http.py:92-97</c>, E6): body <c>{"output": partial}</c>, JSON
    /// whatever the Content-Type, kept for <see cref="ReadStream"/>. 200; 400 when the body is not a JSON object; 404
    /// when the job is unknown.
    /// </summary>
    public static async Task<IResult> StreamAsync(string workerId, string jobId, HttpRequest request, JobStore store, CancellationToken cancellationToken)
    {
        if (await ReadJsonAsync(request, cancellationToken) is not { ValueKind: JsonValueKind.Object } body)
        {
            return NotJson;
        }

        JsonElement? output = body.TryGetProperty("output", out var partial) ? partial : null;
        return store.Stream(workerId, jobId, output) ? Results.Ok() : Json(UnknownJob, StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// <c>GET stream/{jobId}</c>: <c>{"status", "stream": [{"output"}, …]}</c>, each partial answered once
    /// (<see cref="JobStreamBody"/>); 404 when the job is unknown.
    /// </summary>
    public static IResult ReadStream(string jobId, JobStore store) =>
        store.ReadStream(jobId) is { } body ? Json(body) : Json(UnknownJob, StatusCodes.Status404NotFound);

    /// <summary>
    /// <c>GET job-stop/{workerId}</c> (<c>rp_job.py:29-101</c>, E3): long-polls up to
    /// <see cref="LocalRunPodOptions.JobStopWait"/> for jobs the worker must stop (cancelled or timed out while it ran
    /// them); 200 <c>application/json</c> <c>{"jobsToStop": ["id", …]}</c>, or 204 when none.
    /// </summary>
    public static async Task<IResult> StopAsync(string workerId, JobStore store, IOptions<LocalRunPodOptions> options, CancellationToken cancellationToken)
    {
        var jobIds = await store.StopSignalsAsync(workerId, options.Value.JobStopWait, cancellationToken);
        return jobIds.Count == 0 ? Results.NoContent() : Json(new StopSignals(jobIds));
    }

    /// <summary>
    /// <c>GET ping/{workerId}?job_id=a,b&amp;runpod_version=…</c> (<c>rp_ping.py:97-115</c>, E7): the heartbeat, with the
    /// ids of the jobs the worker runs (none: no <c>job_id</c>). <c>status=unhealthy&amp;check=…&amp;reason=…</c>
    /// (<c>rp_fitness.py:117-155</c>, E8) is a failed fitness check, logged as a warning. 200, empty.
    /// </summary>
    public static IResult Ping(
        string workerId,
        [FromQuery(Name = "job_id")] string? jobIds,
        [FromQuery] string? status,
        [FromQuery] string? check,
        [FromQuery] string? reason,
        JobStore store)
    {
        if (status == "unhealthy")
        {
            store.ReportUnhealthy(workerId, check, reason);
        }
        else
        {
            store.Ping(workerId, (jobIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal));
        }

        return Results.Ok();
    }

    /// <summary>The request body parsed as JSON, ignoring its Content-Type; null when it is not JSON (an empty body included).</summary>
    private static async Task<JsonElement?> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Answer(JobStatusBody? job) => job is null ? Json(UnknownJob, StatusCodes.Status404NotFound) : Json(job);

    private static IResult Json<T>(T body, int statusCode = StatusCodes.Status200OK) => Results.Json(body, LocalRunPodJson.Options, statusCode: statusCode);
}
