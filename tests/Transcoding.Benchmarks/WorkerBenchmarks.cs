using Transcoding.Testing;
using Transcoding.Worker.Encoding;
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

    /// <summary>The worker program (copy in from storage, probe, one-decode ladder, waveform, poster, copy out, manifest)
    /// against the same ffprobe/ffmpeg runs, with the same arguments, one after the other as the worker makes them.</summary>
    private static async Task WorkerOverheadAsync(Rows rows, string source, VideoEncoder encoder)
    {
        var worker = new List<double>();
        var bare = new List<double>();
        for (var i = 0; i < Repetitions; i++)
        {
            worker.Add(await Stats.SecondsAsync(async () => await RunWorkerAsync(source, encoder)));
            bare.Add(await Stats.SecondsAsync(() => BareToolRunsAsync(source, encoder)));
        }

        var (ours, baseline) = (Stats.Median(worker), Stats.Median(bare));
        rows.Add("worker-overhead-ratio", ours / baseline,
            $"worker job {Seconds(ours)} vs bare ffprobe + ladder + waveform decode + poster {Seconds(baseline)}; 1080p H.264 4 s, {EncoderDescription(encoder)}, local-folder storage, worker process start included, median of {Repetitions}");
    }

    /// <summary>What the worker's job runs, minus the worker: its tool runs with the arguments it builds (the waveform's
    /// PCM is read and dropped instead of being reduced to peaks).</summary>
    private static async Task BareToolRunsAsync(string source, VideoEncoder encoder)
    {
        var probe = await ProbeAsync(source);
        var rungs = Plan(probe);
        await EncodeAsync(source, probe, rungs, encoder);
        await Tools.RunFfmpegAsync(FfmpegArguments.WaveformPcm(source, probe.Audio!), (pcm, ct) => pcm.CopyToAsync(Stream.Null, ct), CancellationToken.None);
        var poster = Path.Combine(Path.GetTempPath(), $"bench-poster-{Guid.NewGuid():N}.jpg");
        try
        {
            await Tools.RunFfmpegAsync(FfmpegArguments.Poster(source, probe, rungs[0], poster), onOutputLine: null, CancellationToken.None);
        }
        finally
        {
            File.Delete(poster);
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
