using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Transcoding.LocalRunPod.Jobs;

namespace Transcoding.LocalRunPod.Api;

/// <summary>The handlers of RunPod's queue-based endpoint API and of its worker protocol.</summary>
public static class RunPodApi
{
    private static readonly ApiError UnknownJob = new("request does not exist");

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
    /// Long-polls for the next job. <c>job_in_progress</c> (the SDK's concurrency report) is accepted and needs no
    /// handling: a local worker takes one job at a time.
    /// </summary>
    public static async Task<IResult> TakeAsync(string workerId, JobStore store, IOptions<LocalRunPodOptions> options, CancellationToken cancellationToken)
    {
        var job = await store.TakeAsync(workerId, options.Value.JobTakeWait, cancellationToken);
        return job is null ? Results.NoContent() : Json(job);
    }

    public static IResult Done(string workerId, string jobId, [FromBody] JsonElement body, JobStore store) =>
        store.Report(workerId, jobId, WorkerReport.Parse(body)) ? Results.Ok() : Json(UnknownJob, StatusCodes.Status404NotFound);

    private static IResult Answer(JobStatusBody? job) => job is null ? Json(UnknownJob, StatusCodes.Status404NotFound) : Json(job);

    private static IResult Json<T>(T body, int statusCode = StatusCodes.Status200OK) => Results.Json(body, LocalRunPodJson.Options, statusCode: statusCode);
}
