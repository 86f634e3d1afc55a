using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.EndToEnd.Tests;
using Transcoding.Orchestrator.StatusApi;
using Transcoding.Shared;
using Transcoding.Testing;

namespace Transcoding.Benchmarks;

/// <summary>
/// What the platform adds around the GPU job: <c>MediaUploaded</c> → <c>MediaReady</c> (as a downstream consumer receives
/// it) minus the job's execution time as RunPod reports it, through the end-to-end pipeline of the tests (every service
/// as its own host on RabbitMQ + PostgreSQL, the real worker behind the local RunPod endpoint), one item at a time.
/// </summary>
public static class OrchestrationOverheadBenchmark
{
    private const int Items = 10;

    public static async Task RunAsync(Rows rows)
    {
        var pipeline = Pipeline.Create(new PipelineSettings(LogLevel: "Warning"));
        await pipeline.InitializeAsync();
        try
        {
            var clip = await Media.GenerateClipAsync(pipeline.Bucket + "-sources", 640, 360, seconds: 2);
            var overheads = new List<double>();
            var totals = new List<double>();
            for (var i = 0; i < Items + 1; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var mediaId = await pipeline.UploadAsync(clip, "video/mp4");
                while (!MessageRecorder.Received.OfType<MediaReady>().Any(m => m.MediaId == mediaId))
                {
                    if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(3))
                    {
                        throw new TimeoutException($"media {mediaId} not ready in 3 min");
                    }

                    await Task.Delay(5);
                }

                var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var status = (await pipeline.Orchestrator.GetFromJsonAsync<MediaStatus>($"/media/{mediaId}", JsonDefaults.Web))!;
                var job = await pipeline.RunPod.GetFromJsonAsync<JsonElement>($"/v2/e2e/status/{status.JobId}", JsonDefaults.Web);
                if (i > 0)
                {
                    // The first item warms up every host and the worker process; it is not counted.
                    overheads.Add(total - job.GetProperty("executionTime").GetDouble());
                    totals.Add(total);
                }
            }

            rows.Add("orchestration-overhead-p50-ms", Stats.Median(overheads),
                $"MediaUploaded -> MediaReady {Stats.Median(totals):0} ms median minus the RunPod job's executionTime (which also holds the worker's signed callback, so the gateway's share overlapping it counts as worker time); {Items} items one at a time after one warm-up, 640x360 2 s clip, real worker, RabbitMQ + PostgreSQL on loopback");
        }
        finally
        {
            await pipeline.DisposeAsync();
        }
    }
}
