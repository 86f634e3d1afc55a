using Transcoding.Shared.Jobs;
using System.Net;
using System.Net.Http.Json;
using Polly.Timeout;
using Transcoding.Shared;

namespace Transcoding.Dispatcher.RunPod;

/// <summary>
/// RunPod's serverless job API. Transient failures are retried by the resilience handler underneath; what is left
/// surfaces as <see cref="RunPodRejectedException"/> (permanent) or <see cref="RunPodUnavailableException"/> (transient).
/// </summary>
public sealed class RunPodClient(HttpClient http, ILogger<RunPodClient> logger)
{
    public async Task<RunPodJobStatus> RunAsync(RunPodRunRequest request, CancellationToken cancellationToken)
    {
        var job = await SendAsync("run", HttpMethod.Post, "run", JsonContent.Create(request, options: JsonDefaults.Web), cancellationToken)
            ?? throw new RunPodRejectedException("run", HttpStatusCode.NotFound);
        return job.Id.Length > 0 ? job : throw new RunPodUnavailableException("RunPod accepted the run request but answered no job id.");
    }

    /// <summary>The job's status, or null when RunPod does not know the job (never submitted, or its result expired).</summary>
    public Task<RunPodJobStatus?> GetStatusAsync(string jobId, CancellationToken cancellationToken) =>
        SendAsync("status", HttpMethod.Get, $"status/{Uri.EscapeDataString(jobId)}", null, cancellationToken, notFoundIsAnswer: true);

    /// <summary>Cancels the job; null when RunPod does not know it.</summary>
    public Task<RunPodJobStatus?> CancelAsync(string jobId, CancellationToken cancellationToken) =>
        SendAsync("cancel", HttpMethod.Post, $"cancel/{Uri.EscapeDataString(jobId)}", null, cancellationToken, notFoundIsAnswer: true);

    private async Task<RunPodJobStatus?> SendAsync(
        string operation,
        HttpMethod method,
        string path,
        HttpContent? content,
        CancellationToken cancellationToken,
        bool notFoundIsAnswer = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.RunPodUnreachable(logger, operation, e.GetType().Name);
            throw new RunPodUnavailableException($"RunPod did not answer the {operation} request ({e.GetType().Name}).", e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadFromJsonAsync<RunPodJobStatus>(JsonDefaults.Web, cancellationToken)
                    ?? throw new RunPodUnavailableException($"RunPod answered the {operation} request with an empty body.");
            }

            var status = response.StatusCode;
            if (status == HttpStatusCode.NotFound && notFoundIsAnswer)
            {
                return null;
            }

            if (IsPermanent(status))
            {
                Log.RunPodRejected(logger, operation, (int)status);
                throw new RunPodRejectedException(operation, status);
            }

            Log.RunPodFailed(logger, operation, (int)status);
            throw new RunPodUnavailableException($"RunPod answered the {operation} request with HTTP {(int)status} ({status}) after retries.");
        }
    }

    private static bool IsPermanent(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
}
