using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transcoding.Shared;
using Transcoding.Worker.Jobs;

namespace Transcoding.Worker.Serverless;

/// <summary>RunPod's worker protocol: take a job, post progress, post the result.</summary>
public sealed class RunPodClient(HttpClient http, IOptions<RunPodOptions> options, TimeProvider time, ILogger<RunPodClient> logger)
{
    private const int DoneAttempts = 5;

    /// <returns>The job, or null when there is none (204 or an empty body).</returns>
    public async Task<RunPodJob?> TakeAsync(CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Get, TakeUrl(options.Value));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new RunPodThrottledException();
        }

        response.EnsureSuccessStatusCode();
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
        {
            return null;
        }

        var job = await response.Content.ReadFromJsonAsync<RunPodJob>(JsonDefaults.Web, cancellationToken);
        return string.IsNullOrEmpty(job?.Id) ? null : job;
    }

    public async Task ReportProgressAsync(string jobId, double percent, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, DoneUrl(options.Value, jobId));
        request.Content = JsonContent.Create(new { status = "IN_PROGRESS", output = new { progress = percent } }, options: JsonDefaults.Web);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Posts the job's result, retrying with backoff: if it never arrives RunPod would re-run the job.</summary>
    public async Task ReportDoneAsync(string jobId, JobResult result, CancellationToken cancellationToken)
    {
        object body = result.Succeeded
            ? new { output = result.Outputs }
            : new { error = JsonSerializer.Serialize(result.Error, JsonDefaults.Web) };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = Authorized(HttpMethod.Post, DoneUrl(options.Value, jobId));
                request.Content = JsonContent.Create(body, options: JsonDefaults.Web);
                using var response = await http.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException e) when (attempt < DoneAttempts)
            {
                Log.RunPodDoneRetry(logger, jobId, attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt - 1)), time, cancellationToken);
            }
        }
    }

    /// <summary>GET_JOB with <c>$ID</c> = worker id and <c>job_in_progress</c> appended (always 0: one job at a time).</summary>
    internal static string TakeUrl(RunPodOptions options)
    {
        var url = options.GetJobUrl.Replace("$ID", Uri.EscapeDataString(options.PodId), StringComparison.Ordinal);
        return url + (url.Contains('?') ? "&" : "?") + "job_in_progress=0";
    }

    /// <summary>POST_OUTPUT with <c>$RUNPOD_POD_ID</c> = worker id and <c>$ID</c> = job id.</summary>
    internal static string DoneUrl(RunPodOptions options, string jobId) => options.PostOutputUrl
        .Replace("$RUNPOD_POD_ID", Uri.EscapeDataString(options.PodId), StringComparison.Ordinal)
        .Replace("$ID", Uri.EscapeDataString(jobId), StringComparison.Ordinal);

    private HttpRequestMessage Authorized(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        if (!string.IsNullOrEmpty(options.Value.ApiKey))
        {
            request.Headers.TryAddWithoutValidation("Authorization", options.Value.ApiKey);
        }

        return request;
    }
}
