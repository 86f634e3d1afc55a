using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transcoding.Shared;
using Transcoding.Worker.Jobs;

namespace Transcoding.Worker.Serverless;

/// <summary>
/// RunPod's job exchanges as runpod-python 1.12.0 makes them (rp_job.py, rp_http.py): take a job, post progress, post
/// the result. Each call bounds its own time, so the <see cref="HttpClient"/> has no overall timeout.
/// </summary>
public sealed class RunPodClient(HttpClient http, IOptions<RunPodOptions> options, ActiveJobs activeJobs, TimeProvider time, ILogger<RunPodClient> logger)
{
    /// <summary>One job-take, held open by RunPod while it has no work, is given up after this and asked again (rp_scale.py:62,194-197).</summary>
    public static readonly TimeSpan TakeTimeout = TimeSpan.FromSeconds(90);

    /// <summary>One job-done or progress post.</summary>
    public static readonly TimeSpan PostTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// job-done attempts in all. More than the SDK's 3 (rp_http.py:33-47): a lost result makes RunPod re-run a GPU job,
    /// and RunPod drops a job's webhook state only when it gets one.
    /// </summary>
    public const int DoneAttempts = 5;

    /// <summary>
    /// job-take (E1). 204, 400 (what RunPod answers with FlashBoot: rp_job.py:149-151), an empty body, and a take that
    /// outlived <see cref="TakeTimeout"/> are "no job"; so is an answer that is not a job object with a string
    /// <c>id</c> (logged). Unlike the SDK, a 200 is read whatever its content type.
    /// </summary>
    /// <returns>The job, or null when there is none: ask again at once.</returns>
    /// <exception cref="RunPodThrottledException">429: wait before asking again (rp_scale.py:210-214).</exception>
    /// <exception cref="HttpRequestException">Any other non-success status, or no connection.</exception>
    public async Task<TakenJob?> TakeAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TakeTimeout);
        HttpResponseMessage response;
        try
        {
            using var request = RunPodRequests.Take(options.Value, activeJobs.Any);
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.JobTakeTimedOut(logger, TakeTimeout.TotalSeconds);
            return null;
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.BadRequest)
            {
                return null;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new RunPodThrottledException();
            }

            response.EnsureSuccessStatusCode();

            // Once RunPod has answered with a job it is ours: read it even if shutdown began, so it is reported, not lost.
            using var read = new CancellationTokenSource(TakeTimeout);
            return Job(await response.Content.ReadAsByteArrayAsync(read.Token));
        }
    }

    /// <summary>Progress (E5): <c>{"status": "IN_PROGRESS", "output": {"progress": percent}}</c>, one attempt (rp_progress.py:21).</summary>
    /// <exception cref="HttpRequestException">Not accepted; the caller logs it, progress being advisory.</exception>
    public async Task ReportProgressAsync(string jobId, double percent, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PostTimeout);
        var json = JsonSerializer.Serialize(new { status = "IN_PROGRESS", output = new { progress = percent } }, JsonDefaults.Web);
        using var request = RunPodRequests.Done(options.Value, jobId, json);
        using var response = await http.SendAsync(request, timeout.Token);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// The result (E4): <c>{"output": outputs}</c>, or <c>{"error": "&lt;JSON text of {code, message, permanent}&gt;"}</c>
    /// (read back by the gateway's <c>WorkerJobError</c>). 5xx, 408, 429, timeouts and connection errors are retried
    /// after 1, 2, 4, 8 s, <see cref="DoneAttempts"/> attempts in all; any other 4xx is final, as in the SDK. A result
    /// that is not delivered is logged, never thrown: RunPod's execution timeout then ends the job.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task ReportDoneAsync(string jobId, JobResult result, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize<object>(
            result.Succeeded ? new { output = result.Outputs } : new { error = JsonSerializer.Serialize(result.Error, JsonDefaults.Web) },
            JsonDefaults.Web);
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(PostTimeout);
                using var request = RunPodRequests.Done(options.Value, jobId, json);
                using var response = await http.SendAsync(request, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                if (!IsTransient(response.StatusCode))
                {
                    Log.RunPodDoneRefused(logger, jobId, (int)response.StatusCode);
                    return;
                }

                failure = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no answer within {PostTimeout.TotalSeconds:0} s";
            }

            if (attempt == DoneAttempts)
            {
                Log.RunPodDoneLost(logger, jobId, attempt, failure);
                return;
            }

            Log.RunPodDoneRetry(logger, jobId, attempt, failure);
            await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt - 1)), time, cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>The job in a 200 answer, or null (logged) when the body is not a JSON object with a string <c>id</c>.</summary>
    private TakenJob? Job(byte[] body)
    {
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Log.JobTakeNotAJob(logger, root.ValueKind.ToString());
                return null;
            }

            if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString()))
            {
                Log.JobWithoutId(logger);
                return null;
            }

            return new TakenJob(id.GetString()!, root.TryGetProperty("input", out var input) ? input.Clone() : null);
        }
        catch (JsonException)
        {
            Log.JobTakeNotAJob(logger, "text that is not JSON");
            return null;
        }
    }
}
