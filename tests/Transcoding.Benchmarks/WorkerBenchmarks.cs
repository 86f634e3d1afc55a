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
using Transcoding.Worker.Conditioning;
using Transcoding.Worker.Encoding;
using Transcoding.Worker.Ladder;
using Transcoding.Worker.Probing;
using Transcoding.Worker.Storyboards;

namespace Transcoding.Benchmarks;

/// <summary>
/// The worker's encode built by its own argument builder, run by its own tool runner with the encoder its own selector
/// picks: the whole ladder from one decode against one ffmpeg per rung (same builder, one rung each); the worker program
/// against the bare ffmpeg runs it makes; its peak memory on a large source.
/// </summary>
public static class WorkerBenchmarks
{
    private const int Repetitions = 3;

    /// <summary>The worker's defaults (preset, CRF, segment length, ladder), so the figures are the production ones.</summary>
    private static readonly WorkerOptions Defaults = new();

    private static readonly MediaToolRunner Tools = new(Options.Create(Defaults));

    private static string Folder => Path.Combine(Path.GetTempPath(), "transcoding-bench");

    public static async Task RunAsync(Rows rows)
    {
        // auto: NVENC when a real test encode works, libx264 otherwise (here); the worker runs get the same choice.
        var encoder = await new EncoderSelector(
            new FfmpegEncoderProbe(Tools, NullLogger<FfmpegEncoderProbe>.Instance), Options.Create(Defaults), NullLogger<EncoderSelector>.Instance).SelectAsync();
        var h264 = await Ffmpeg.ClipAsync(Folder, "1080p-h264.mp4", "1920x1080", 4, ["-c:v", "libx264", "-preset", "veryfast", "-crf", "18"]);
        await LadderSpeedupAsync(rows, "ladder-one-decode-speedup-1080p", h264, "1080p H.264 4 s", encoder);
        var hevc = await Ffmpeg.ClipAsync(Folder, "2160p-hevc.mp4", "3840x2160", 2, ["-c:v", "libx265", "-preset", "ultrafast", "-tag:v", "hvc1", "-x265-params", "log-level=error"]);
        await LadderSpeedupAsync(rows, "ladder-one-decode-speedup-4k-hevc", hevc, "2160p HEVC 2 s", encoder);
        await WorkerOverheadAsync(rows, h264, encoder);

        // Incompressible frames (lossless noise) make a large file out of a short clip.
        var large = await Ffmpeg.ClipAsync(Folder, "large-noise.mp4", "640x360", 30, ["-c:v", "libx264", "-preset", "ultrafast", "-qp", "0"], "noise=alls=100:allf=t");
        await WorkerPeakMemoryAsync(rows, large, encoder);
    }

    private static async Task LadderSpeedupAsync(Rows rows, string metric, string source, string description, VideoEncoder encoder)
    {
        var probe = await ProbeAsync(source);
        var rungs = Plan(probe);
        var oneDecode = new List<double>();
        var perRung = new List<double>();
        for (var i = 0; i < Repetitions; i++)
        {
            oneDecode.Add(await Stats.SecondsAsync(() => EncodeAsync(source, probe, rungs, encoder)));
            perRung.Add(await Stats.SecondsAsync(async () =>
            {
                foreach (var rung in rungs)
                {
                    await EncodeAsync(source, probe, [rung], encoder);
                }
            }));
        }

        var (ours, baseline) = (Stats.Median(oneDecode), Stats.Median(perRung));
        rows.Add(metric, baseline / ours,
            $"one ffmpeg per rung {Seconds(baseline)} vs one decode {Seconds(ours)}; {description}, {rungs.Count} rungs, {EncoderDescription(encoder)}, median of {Repetitions}");
    }

    private static async Task<MediaProbe> ProbeAsync(string source) =>
        FfprobeParser.Parse(await Tools.ProbeAsync(FfmpegArguments.Ffprobe(source), CancellationToken.None));

    private static IReadOnlyList<PlannedRung> Plan(MediaProbe probe) => new LadderPlanner(Defaults.EffectiveLadder).Plan(probe.Video!);

    private static string EncoderDescription(VideoEncoder encoder) => $"{encoder.FfmpegName()} -preset {Defaults.Preset} (worker defaults)";

    private static async Task EncodeAsync(string source, MediaProbe probe, IReadOnlyList<PlannedRung> rungs, VideoEncoder encoder)
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
    /// The worker program (copy in from storage, probe, one ffmpeg run for ladder, poster, storyboard and waveform PCM,
    /// copy out, manifest) against the bare tools making the same outputs one ffmpeg each, as a script would and as the
    /// worker did before issue 16 (the row's baseline since it exists, with the storyboard added now that the worker
    /// makes one). The worker's own one ffmpeg run alone is measured too and given in the detail: against it the ratio
    /// is the worker's pure overhead (process start, copies, checks).
    /// </summary>
    private static async Task WorkerOverheadAsync(Rows rows, string source, VideoEncoder encoder)
    {
        var worker = new List<double>();
        var bare = new List<double>();
        var oneRun = new List<double>();
        for (var i = 0; i < Repetitions; i++)
        {
            worker.Add(await Stats.SecondsAsync(async () => await RunWorkerAsync(source, encoder)));
            bare.Add(await Stats.SecondsAsync(() => BareToolRunsAsync(source, encoder, oneRun: false)));
            oneRun.Add(await Stats.SecondsAsync(() => BareToolRunsAsync(source, encoder, oneRun: true)));
        }

        var (ours, baseline, alone) = (Stats.Median(worker), Stats.Median(bare), Stats.Median(oneRun));
        rows.Add("worker-overhead-ratio", ours / baseline,
            $"worker job {Seconds(ours)} vs bare ffprobe + ladder + waveform decode + poster + storyboard, one ffmpeg each, {Seconds(baseline)} " +
            $"(the worker's one ffmpeg run for all of them alone: {Seconds(alone)}, ratio {Rows.Format(ours / alone)}); 1080p H.264 4 s, {EncoderDescription(encoder)}, local-folder storage, worker process start included, median of {Repetitions}");
    }

    /// <summary>
    /// What the worker's job makes, minus the worker: ffprobe, then either its one ffmpeg run with the arguments it builds
    /// (<paramref name="oneRun"/>) or the ladder alone (same builder) followed by one plain ffmpeg per other output: the
    /// waveform's PCM, the poster (a seek to a tenth, <c>thumbnail</c>), the storyboard sprite. PCM is read and dropped
    /// instead of being reduced to peaks, and no VTT is written.
    /// </summary>
    private static async Task BareToolRunsAsync(string source, VideoEncoder encoder, bool oneRun)
    {
        var probe = await ProbeAsync(source);
        var rungs = Plan(probe);
        var output = Directory.CreateTempSubdirectory("bench-bare-").FullName;
        try
        {
            var request = new HlsEncodeRequest(source, Path.Combine(output, MediaKeys.HlsFolderName), probe, rungs, encoder, Defaults.EncodeSettings, VideoConditioningPlanner.Plan(probe, null, Defaults.MaxFramesPerSecond));
            var poster = Path.Combine(output, MediaKeys.PosterName);
            var sprite = Path.Combine(output, MediaKeys.StoryboardImageName);
            var storyboard = StoryboardPlan.For(probe.DurationSeconds, rungs[0], Defaults.StoryboardSettings)!;
            static Task Drop(Stream pcm, CancellationToken ct) => pcm.CopyToAsync(Stream.Null, ct);
            if (oneRun)
            {
                await Tools.RunFfmpegAsync(
                    FfmpegArguments.Hls(request with { PosterPath = poster, Storyboard = storyboard, StoryboardPath = sprite, WaveformPcmFormat = "s16le" }), null, Drop, CancellationToken.None);
                return;
            }

            await Tools.RunFfmpegAsync(FfmpegArguments.Hls(request), null, CancellationToken.None);
            string[] input = ["-hide_banner", "-nostdin", "-y", "-v", "error"];
            await Tools.RunFfmpegAsync([.. input, "-i", source, "-map", "0:a:0", "-af", "pan=mono|c0=0.5*c0+0.5*c1", "-f", "s16le", "pipe:1"], null, Drop, CancellationToken.None);
            await Tools.RunFfmpegAsync(
                [.. input, "-ss", (probe.DurationSeconds / 10).ToString("0.###", CultureInfo.InvariantCulture), "-i", source, "-map", "0:v:0",
                 "-vf", $"thumbnail=50,scale=w={rungs[0].Width}:h={rungs[0].Height}", "-frames:v", "1", "-q:v", "3", "-update", "1", poster],
                null, CancellationToken.None);
            await Tools.RunFfmpegAsync(
                [.. input, "-i", source, "-map", "0:v:0",
                 "-vf", $"fps=fps=1/{storyboard.IntervalSeconds},scale=w={storyboard.TileWidth}:h={storyboard.TileHeight},tile={storyboard.Columns}x{storyboard.Rows}",
                 "-frames:v", "1", "-q:v", "5", "-update", "1", sprite],
                null, CancellationToken.None);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>On the S3 API the test servers run (s3rver), so the source streams in and the outputs out over HTTPS, as
    /// from R2; on a folder when no S3 server is configured.</summary>
    private static async Task WorkerPeakMemoryAsync(Rows rows, string source, VideoEncoder encoder)
    {
        var s3 = S3TestServer.IsConfigured ? S3TestServer.Options() : null;
        var peak = await RunWorkerAsync(source, encoder, s3);
        var sizeMb = new FileInfo(source).Length / 1024.0 / 1024.0;
        rows.Add("worker-peak-rss-mb", peak,
            $"worker process VmHWM (ffmpeg excluded) on a {sizeMb:0} MB source (640x360 lossless noise, 30 s), {(s3 is null ? "local-folder storage" : "source in and outputs out through s3rver (S3 API over HTTPS)")}");
    }

    /// <summary>
    /// Runs one <c>run --input</c> job with the source in a fresh bucket (a folder, or <paramref name="s3"/>);
    /// returns the worker's peak RSS in MB.
    /// </summary>
    private static async Task<double> RunWorkerAsync(string source, VideoEncoder encoder, StorageOptions? s3 = null)
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
            foreach (var argument in new[] { Repository.Dll("gpu-image/Transcoding.Worker"), "run", "--input", job })
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

    private static string Seconds(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
