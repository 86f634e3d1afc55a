using System.Globalization;
using Transcoding.Shared.Storage;
using Transcoding.Testing;
using Transcoding.Worker;
using Transcoding.Worker.Conditioning;
using Transcoding.Worker.Encoding;
using Transcoding.Worker.Ladder;
using Transcoding.Worker.Probing;
using Transcoding.Worker.Storyboards;
using static Transcoding.Benchmarks.WorkerHarness;

namespace Transcoding.Benchmarks;

/// <summary>
/// The worker's encode built by its own argument builder, run by its own tool runner with the encoder its own selector
/// picks: the whole ladder from one decode against one ffmpeg per rung (same builder, one rung each); the worker program
/// against the bare ffmpeg runs it makes; its peak memory on a large source.
/// </summary>
public static class WorkerBenchmarks
{
    private const int Repetitions = 3;

    /// <summary>A job is ~9 s here and one run can be 0.5 s off on a shared machine: more rounds than the ladder rows.</summary>
    private const int OverheadRepetitions = 7;

    public static async Task RunAsync(Rows rows)
    {
        var encoder = await SelectEncoderAsync();
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
        (List<double> Times, Func<Task> Run)[] contenders =
        [
            (worker, async () => await RunWorkerAsync(source, encoder)),
            (bare, () => BareToolRunsAsync(source, encoder, oneRun: false)),
            (oneRun, () => BareToolRunsAsync(source, encoder, oneRun: true)),
        ];
        for (var i = 0; i < OverheadRepetitions; i++)
        {
            // Each round starts with the next contender, so none is always the one after a cold cache or a quiet spell.
            for (var j = 0; j < contenders.Length; j++)
            {
                var (times, run) = contenders[(i + j) % contenders.Length];
                times.Add(await Stats.SecondsAsync(run));
            }
        }

        var (ours, baseline, alone) = (Stats.Median(worker), Stats.Median(bare), Stats.Median(oneRun));
        rows.Add("worker-overhead-ratio", ours / baseline,
            $"worker job {Seconds(ours)} vs bare ffprobe + ladder + waveform decode + poster + storyboard, one ffmpeg each, {Seconds(baseline)} " +
            $"(the worker's one ffmpeg run for all of them alone: {Seconds(alone)}, ratio {Rows.Format(ours / alone)}); 1080p H.264 4 s, {EncoderDescription(encoder)}, local-folder storage, worker process start included ({WorkerBuild.Description}), median of {OverheadRepetitions} interleaved");
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
}
