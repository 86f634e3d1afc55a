using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Transcoding.Contracts;
using Transcoding.Shared.Jobs;
using Transcoding.Shared.Storage;
using Transcoding.Testing;
using Transcoding.Worker;
using Transcoding.Worker.Jobs;

namespace Transcoding.Dashboard.Tests;

/// <summary>
/// Real outputs for the ready item: a 4 s 1280x720 clip (ffmpeg <c>testsrc2</c> + sine) through the worker's own job
/// (its host wiring, the ultrafast preset, 1 s segments) into the bucket folder the orchestrator serves: a 720p, 480p
/// and 360p ladder, poster, storyboard, waveform.json, manifest.json.
/// </summary>
public static class ReadyOutputs
{
    public static async Task<TranscodeOutputs> MakeAsync(string bucket, string workFolder, Guid mediaId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Local",
            ["Storage:LocalRoot"] = bucket,
            // No callback is sent (the input has no URL), but the options want a well-formed secret.
            ["Worker:CallbackSecret"] = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD",
            ["Worker:WorkDir"] = Path.Combine(workFolder, "work"),
            ["Worker:Preset"] = "ultrafast",
            ["Worker:SegmentSeconds"] = "1",
        });
        builder.AddWorkerServices();
        using var host = builder.Build();
        var clip = await Media.GenerateClipAsync(Path.Combine(workFolder, "source"), 1280, 720, 4);
        var sourceKey = $"uploads/{mediaId:N}.mp4";
        await host.Services.GetRequiredService<IObjectStorage>().UploadFileAsync(sourceKey, clip, "video/mp4", null, CancellationToken.None);
        var input = new WorkerJobInput { MediaId = mediaId, Attempt = 1, SourceKey = sourceKey, CallbackUrl = "" };
        var result = await host.Services.GetRequiredService<JobExecutor>().ExecuteAsync("dashboard-ready", input, null, CancellationToken.None);
        return result.Outputs ?? throw new InvalidOperationException($"the worker failed on the clip: {result.Error?.Message}");
    }
}
