using System.Net;
using System.Net.Http.Json;
using Polly.Timeout;
using Transcoding.Shared;
using Transcoding.Shared.Jobs;

namespace Transcoding.Dispatcher.RunPod;

/// <summary>
/// RunPod's serverless job API. Transient failures are retried by the resilience handler underneath; what is left
/// surfaces, as <see cref="RunPodAnswers"/> classifies it, as <see cref="RunPodRejectedException"/> (this request cannot
/// succeed), <see cref="RunPodConfigurationException"/> (our key or endpoint id is wrong; also reported to
/// <see cref="RunPodConfigurationHealth"/>, which any later success clears) or <see cref="RunPodUnavailableException"/>
/// (try later).
/// </summary>
public sealed class RunPodClient(HttpClient http, RunPodConfigurationHealth configuration, ILogger<RunPodClient> logger)
{
    public async Task<RunPodJobStatus> RunAsync(RunPodRunRequest request, CancellationToken cancellationToken)
    {
        // /run has no "unknown job" answer (RunPodAnswers), so an answer is always there.
        var job = await SendAsync(RunPodOperation.Run, HttpMethod.Post, "run", JsonContent.Create(request, options: JsonDefaults.Web), cancellationToken);
        return job is { Id.Length: > 0 } ? job : throw new RunPodUnavailableException("RunPod accepted the run request but answered no job id.");
    }

    /// <summary>
    /// The job's status, or null when RunPod does not know the job (never submitted, or its result expired) while
    /// <c>/health</c> shows the endpoint and key are fine.
    /// </summary>
    /// <exception cref="RunPodConfigurationException">401/403, or a 404 that <c>/health</c> confirms is the endpoint's.</exception>
    public Task<RunPodJobStatus?> GetStatusAsync(string jobId, CancellationToken cancellationToken) =>
        SendAsync(RunPodOperation.Status, HttpMethod.Get, $"status/{Uri.EscapeDataString(jobId)}", null, cancellationToken);

    /// <summary>Cancels the job; null when RunPod does not know it (the endpoint confirmed by <c>/health</c>, as for status).</summary>
    public Task<RunPodJobStatus?> CancelAsync(string jobId, CancellationToken cancellationToken) =>
        SendAsync(RunPodOperation.Cancel, HttpMethod.Post, $"cancel/{Uri.EscapeDataString(jobId)}", null, cancellationToken);

    private async Task<RunPodJobStatus?> SendAsync(
        RunPodOperation operation,
        HttpMethod method,
        string path,
        HttpContent? content,
        CancellationToken cancellationToken)
    {
        using var response = await CallAsync(operation, method, path, content, cancellationToken);
        switch (RunPodAnswers.Classify(operation, response.StatusCode))
        {
            case RunPodAnswer.Success:
                configuration.Succeeded();
                return await response.Content.ReadFromJsonAsync<RunPodJobStatus>(JsonDefaults.Web, cancellationToken)
                    ?? throw new RunPodUnavailableException($"RunPod answered the {operation.Segment()} request with an empty body.");
            case RunPodAnswer.UnknownJob:
                await EnsureEndpointKnownAsync(cancellationToken);
                return null;
            default:
                throw Failure(operation, response.StatusCode);
        }
    }

    /// <summary>A job route's 404 means an unknown job only if the endpoint answers <c>/health</c> with the same key.</summary>
    private async Task EnsureEndpointKnownAsync(CancellationToken cancellationToken)
    {
        using var response = await CallAsync(RunPodOperation.Health, HttpMethod.Get, RunPodOperation.Health.Segment(), null, cancellationToken);
        if (RunPodAnswers.Classify(RunPodOperation.Health, response.StatusCode) != RunPodAnswer.Success)
        {
            throw Failure(RunPodOperation.Health, response.StatusCode);
        }

        configuration.Succeeded();
    }

    private async Task<HttpResponseMessage> CallAsync(
        RunPodOperation operation, HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.RunPodUnreachable(logger, operation.Segment(), e.GetType().Name);
            throw new RunPodUnavailableException($"RunPod did not answer the {operation.Segment()} request ({e.GetType().Name}).", e);
        }
    }

    private Exception Failure(RunPodOperation operation, HttpStatusCode status)
    {
        switch (RunPodAnswers.Classify(operation, status))
        {
            case RunPodAnswer.ConfigurationFault:
                Log.RunPodConfigurationRefused(logger, operation.Segment(), (int)status);
                var fault = new RunPodConfigurationException(operation, status);
                configuration.Faulted(fault);
                return fault;
            case RunPodAnswer.Rejected:
                Log.RunPodRejected(logger, operation.Segment(), (int)status);
                return new RunPodRejectedException(operation, status);
            default:
                Log.RunPodFailed(logger, operation.Segment(), (int)status);
                return new RunPodUnavailableException($"RunPod answered the {operation.Segment()} request with HTTP {(int)status} ({status}) after retries.");
        }
    }
}
