using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Transcoding.Worker.Serverless;

/// <summary>
/// RunPod's stop channel (E3), polled as runpod-python 1.12.0 polls it (rp_job.py:29-101, rp_scale.py:275-339) for the
/// whole life of the worker: a long-polled GET of the job-take URL with <c>/job-take/</c> → <c>/job-stop/</c>; RunPod
/// answers 204 or <c>{"jobsToStop": ["&lt;job id&gt;", …]}</c> (200, application/json) when it cancels a job or the
/// job outlives its execution timeout. Each id held in <see cref="ActiveJobs"/> is stopped; others are ignored. An
/// empty answer or an error waits 1 s, 429 waits 5 s, a non-empty answer polls again at once. Off, with a warning,
/// when <c>RUNPOD_WEBHOOK_GET_JOB</c> has no <c>/job-take/</c> segment.
/// </summary>
public sealed class RunPodStopChannel(
    IHttpClientFactory httpClients,
    IOptions<RunPodOptions> options,
    ActiveJobs activeJobs,
    TimeProvider time,
    ILogger<RunPodStopChannel> logger) : BackgroundService
{
    public const string HttpClientName = "runpod-job-stop";

    /// <summary>One poll is given up after this and made again (rp_scale.py:56,295-298).</summary>
    public static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(90);

    /// <summary>After an empty answer or an error: the floor that keeps a server answering at once from a busy loop (rp_scale.py:302-305,313-317).</summary>
    public static readonly TimeSpan EmptyDelay = TimeSpan.FromSeconds(1);

    /// <summary>After 429 (rp_scale.py:306-307).</summary>
    public static readonly TimeSpan ThrottledDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (RunPodRequests.StopUrl(settings) is null)
        {
            Log.StopChannelOff(logger);
            return;
        }

        var http = httpClients.CreateClient(HttpClientName);
        try
        {
            while (true)
            {
                await Task.Delay(await PollAsync(http, settings, stoppingToken), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    /// <returns>How long to wait before the next poll.</returns>
    private async Task<TimeSpan> PollAsync(HttpClient http, RunPodOptions settings, CancellationToken stoppingToken)
    {
        IReadOnlyList<string> jobIds;
        try
        {
            jobIds = await StopSignalsAsync(http, settings, stoppingToken);
        }
        catch (RunPodThrottledException)
        {
            return ThrottledDelay;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The poll outlived PollTimeout: ask again at once, as the SDK does.
            return TimeSpan.Zero;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.StopPollFailed(logger, e.Message);
            return EmptyDelay;
        }

        foreach (var jobId in jobIds)
        {
            Log.StopReceived(logger, jobId, activeJobs.Stop(jobId));
        }

        return jobIds.Count == 0 ? EmptyDelay : TimeSpan.Zero;
    }

    private async Task<IReadOnlyList<string>> StopSignalsAsync(HttpClient http, RunPodOptions settings, CancellationToken stoppingToken)
    {
        using var request = RunPodRequests.Stop(settings);
        using var response = await http.SendAsync(request, stoppingToken);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return [];
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new RunPodThrottledException();
        }

        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            Log.StopAnswerIgnored(logger, $"content type {response.Content.Headers.ContentType?.MediaType ?? "none"}, not application/json");
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(stoppingToken));
            if (document.RootElement is not { ValueKind: JsonValueKind.Object } root
                || !root.TryGetProperty("jobsToStop", out var ids)
                || ids.ValueKind != JsonValueKind.Array)
            {
                Log.StopAnswerIgnored(logger, "not an object with a jobsToStop list");
                return [];
            }

            // Non-string ids are dropped, as the SDK drops them (rp_job.py:96-101).
            return [.. ids.EnumerateArray().Where(id => id.ValueKind == JsonValueKind.String).Select(id => id.GetString()!)];
        }
        catch (JsonException)
        {
            Log.StopAnswerIgnored(logger, "not JSON");
            return [];
        }
    }
}
