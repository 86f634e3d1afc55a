using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Transcoding.Shared;
using Transcoding.Shared.Jobs;
using Transcoding.Shared.Processes;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;
using Transcoding.Testing;
using Transcoding.Worker;
using Transcoding.Worker.Encoding;
using Transcoding.Worker.Ladder;
using Transcoding.Worker.Probing;

namespace Transcoding.Benchmarks;

/// <summary>
/// What the worker row groups share: the worker's defaults and tool runner, its probe and ladder plan, the bare
/// one-decode ladder encode, and one whole worker job run as a process (<see cref="RunWorkerAsync"/>).
/// </summary>
public static class WorkerHarness
{
    /// <summary>The worker's defaults (preset, CRF, segment length, ladder), so the figures are the production ones.</summary>
    public static WorkerOptions Defaults { get; } = new();

    public static MediaToolRunner Tools { get; } = new(Options.Create(Defaults));

    /// <summary>Where the generated sources are kept between runs.</summary>
    public static string Folder => Path.Combine(Path.GetTempPath(), "transcoding-bench");

    /// <summary>auto: NVENC when a real test encode works, libx264 otherwise (here); the worker runs get the same choice.</summary>
    public static Task<VideoEncoder> SelectEncoderAsync() =>
        new EncoderSelector(
            new FfmpegEncoderProbe(Tools, NullLogger<FfmpegEncoderProbe>.Instance), Options.Create(Defaults), NullLogger<EncoderSelector>.Instance).SelectAsync();

    public static async Task<MediaProbe> ProbeAsync(string source) =>
        FfprobeParser.Parse(await Tools.ProbeAsync(FfmpegArguments.Ffprobe(source), CancellationToken.None));

    public static IReadOnlyList<PlannedRung> Plan(MediaProbe probe) => new LadderPlanner(Defaults.EffectiveLadder).Plan(probe.Video!);

    /// <summary>
    /// The worker as the image ships it when <c>BENCH_WORKER_DLL</c> names a published one (scripts/bench.sh publishes it
    /// with the worker project's settings: ReadyToRun); else the build output, which starts slower.
    /// </summary>
    public static (string Dll, string Description) WorkerBuild { get; } =
        Environment.GetEnvironmentVariable("BENCH_WORKER_DLL") is { Length: > 0 } published
            ? (published, "worker published as the image (ReadyToRun)")
            : (Repository.Dll("gpu-image/Transcoding.Worker"), "worker from the build output (not ReadyToRun: BENCH_WORKER_DLL unset)");

    public static string EncoderDescription(VideoEncoder encoder) => $"{encoder.FfmpegName()} -preset {Defaults.Preset} (worker defaults)";

    /// <summary>The worker's one-decode ladder encode, arguments from its own builder, outputs deleted afterwards.</summary>
    public static async Task EncodeAsync(string source, MediaProbe probe, IReadOnlyList<PlannedRung> rungs, VideoEncoder encoder)
    {
        var output = Directory.CreateTempSubdirectory("bench-hls-").FullName;
        try
        {
            await Tools.RunFfmpegAsync(FfmpegArguments.Hls(new HlsEncodeRequest(source, output, probe, rungs, encoder, Defaults.EncodeSettings)), onProgressLine: null, CancellationToken.None);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>
    /// Runs one <c>run --input</c> job with the source in a fresh bucket (a folder, or <paramref name="s3"/>);
    /// returns the worker's peak RSS in MB.
    /// </summary>
    public static async Task<double> RunWorkerAsync(string source, VideoEncoder encoder, StorageOptions? s3 = null)
    {
        var scratch = Directory.CreateTempSubdirectory("bench-worker-").FullName;
        var mediaId = Guid.NewGuid();
        var sourceKey = $"uploads/{mediaId}/{Path.GetFileName(source)}";
        using var s3Client = s3 is null ? null : S3ObjectStorage.CreateClient(s3);
        IObjectStorage storage = s3Client is null ? new LocalFolderStorage(Path.Combine(scratch, "bucket")) : new S3ObjectStorage(s3Client, s3!.Bucket);
        try
        {
            await storage.UploadFileAsync(sourceKey, source, "video/mp4", null, CancellationToken.None);
            var job = Path.Combine(scratch, "job.json");
            await File.WriteAllTextAsync(job, JsonSerializer.Serialize(
                new { id = "bench", input = new WorkerJobInput { MediaId = mediaId, Attempt = 1, SourceKey = sourceKey } },
                JsonDefaults.Web));

            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { WorkerBuild.Dll, "run", "--input", job })
            {
                start.ArgumentList.Add(argument);
            }

            if (s3 is null)
            {
                start.Environment["Storage__Provider"] = "Local";
                start.Environment["Storage__LocalRoot"] = Path.Combine(scratch, "bucket");
            }
            else
            {
                foreach (var (key, value) in S3TestServer.Settings(s3))
                {
                    start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
                }
            }

            start.Environment["Worker__CallbackSecret"] = WebhookSecret.Generate();
            start.Environment["Worker__WorkDir"] = Path.Combine(scratch, "work");
            // The selector's choice, so the job does not probe the encoder again (a long-lived worker probes once).
            start.Environment["Worker__Encoder"] = encoder.FfmpegName();
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            using var process = ChildProcess.Start(start);
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            var peakKb = 0L;
            while (!process.HasExited)
            {
                peakKb = Math.Max(peakKb, HighWaterMarkKb(process.Id));
                await Task.Delay(20);
            }

            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"worker exited {process.ExitCode}: {await output} {await errors}");
            }

            return peakKb / 1024.0;
        }
        finally
        {
            await storage.DeletePrefixAsync($"uploads/{mediaId}/", CancellationToken.None);
            await storage.DeletePrefixAsync(MediaKeys.Prefix(mediaId), CancellationToken.None);
            Directory.Delete(scratch, recursive: true);
        }
    }

    public static string Seconds(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    /// <summary>VmHWM: the process's own peak resident set (children such as ffmpeg are separate processes).</summary>
    private static long HighWaterMarkKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // exited between the check and the read
        }
    }
}
