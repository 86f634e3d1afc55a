using System.Globalization;
using CliWrap;
using Transcoding.Shared.Storage;
using Transcoding.Testing;
using Transcoding.Worker.Encoding;
using Transcoding.Worker.Ladder;
using Transcoding.Worker.Probing;
using static Transcoding.Benchmarks.WorkerHarness;

namespace Transcoding.Benchmarks;

/// <summary>
/// Encoding cost (issue 16): the worker's capped-CRF ladder's total video bits against the fixed-bitrate ladder's on
/// three generated 1080p sources, both ladders' SSIM beside it; and the whole worker job's realtime factor against the
/// bare ffmpeg ladder's. libx264 only: the bits rows compare x264 rate controls, whatever encoder this machine has.
/// </summary>
public static class EncodingCostBenchmarks
{
    private const int Repetitions = 3;

    private const double SourceSeconds = 6;

    /// <summary>Issue 16: a row counts only where our SSIM is at most this much below the fixed ladder's.</summary>
    public const double SsimTolerance = 0.005;

    /// <summary>Near-transparent sources, so SSIM measures the ladders' loss rather than the source's.</summary>
    private static readonly string[] SourceCodec = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "12"];

    public static async Task RunAsync(Rows rows)
    {
        // testsrc2 frames held 2 s each (framestep keeps one frame in 50, fps repeats it): slides.
        var slides = await Ffmpeg.ClipAsync(Folder, "1080p-slides.mp4", "1920x1080", SourceSeconds, SourceCodec, "framestep=50,fps=25");
        var motion = await Ffmpeg.ClipAsync(Folder, "1080p-motion.mp4", "1920x1080", SourceSeconds, SourceCodec);
        // Temporal noise (new each frame) over the moving pattern: film grain, the costliest to encode.
        var grain = await Ffmpeg.ClipAsync(Folder, "1080p-grain.mp4", "1920x1080", SourceSeconds, SourceCodec, "noise=alls=12:allf=t");
        await BitsAsync(rows, "slides", slides, "testsrc2 frames held 2 s each");
        await BitsAsync(rows, "motion", motion, "testsrc2 moving");
        await BitsAsync(rows, "grain", grain, "testsrc2 moving + temporal noise 12");
        await RealtimeFactorAsync(rows, motion, await SelectEncoderAsync());
    }

    /// <summary>Whether a row counts (issue 16): our SSIM at most <see cref="SsimTolerance"/> below the fixed ladder's
    /// (compared at the 6 decimals ffmpeg prints).</summary>
    public static bool Counts(double ours, double fixedLadder) => Math.Round(fixedLadder - ours, 6) <= SsimTolerance;

    /// <summary>
    /// One encode per ladder: x264 is deterministic for a given thread count (ffmpeg's default, from the cores), so
    /// repeating it gives the same bits. SSIM per rung against the source scaled to the rung's size by the same
    /// <c>scale</c> filter the ladder uses, so it measures the encoder's loss only (the scaling is common to both
    /// ladders); the rungs' plain mean is compared.
    /// </summary>
    private static async Task BitsAsync(Rows rows, string content, string source, string description)
    {
        var probe = await ProbeAsync(source);
        var ours = await EncodeAndMeasureAsync(source, probe, Plan(probe), fixedBitrate: false);
        var fixedLadder = await EncodeAndMeasureAsync(source, probe, new LadderPlanner(FixedBitrateLadder.Rungs).Plan(probe.Video!), fixedBitrate: true);
        var (oursSsim, fixedSsim) = (ours.Ssim.Average(), fixedLadder.Ssim.Average());
        rows.Add($"bits-vs-fixed-ladder-{content}", (double)ours.Bits / fixedLadder.Bits,
            $"counts: {(Counts(oursSsim, fixedSsim) ? "yes" : "no")} (SSIM within {Invariant(SsimTolerance)}); "
            + $"video {Megabits(ours.Bits)} vs fixed -b:v 5000/2500/1000/600k {Megabits(fixedLadder.Bits)}; "
            + $"SSIM 1080/720/480/360p ours {Ssims(ours.Ssim)} mean {oursSsim:0.0000}, fixed {Ssims(fixedLadder.Ssim)} mean {fixedSsim:0.0000} "
            + $"(source scaled to each rung); 1080p {description}, {Invariant(SourceSeconds)} s, libx264 -preset {Defaults.Preset} -crf {Defaults.Crf} capped (worker defaults), "
            + "one run (deterministic)");
    }

    private static async Task<(long Bits, IReadOnlyList<double> Ssim)> EncodeAndMeasureAsync(string source, MediaProbe probe, IReadOnlyList<PlannedRung> rungs, bool fixedBitrate)
    {
        var output = Directory.CreateTempSubdirectory("bench-bits-").FullName;
        try
        {
            var arguments = FfmpegArguments.Hls(new HlsEncodeRequest(source, output, probe, rungs, VideoEncoder.Libx264, Defaults.EncodeSettings));
            await Tools.RunFfmpegAsync(fixedBitrate ? FixedBitrateLadder.Arguments(arguments, rungs) : arguments, onProgressLine: null, CancellationToken.None);
            var bits = 0L;
            var ssim = new List<double>();
            foreach (var rung in rungs)
            {
                var playlist = Path.Combine(output, rung.Name, MediaKeys.PlaylistName);
                bits += VideoBits.Sum(await Tools.ProbeAsync(VideoBits.ProbeArguments(playlist), CancellationToken.None));
                ssim.Add(await SsimAsync(playlist, source, rung));
            }

            return (bits, ssim);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>Both inputs' timestamps start at 0 (HLS's MPEG-TS starts at 1.4 s), so the filter pairs frame n with frame n.</summary>
    private static async Task<double> SsimAsync(string rendition, string source, PlannedRung rung)
    {
        var result = await Cli.Wrap("ffmpeg").WithArguments(
        [
            "-hide_banner", "-nostdin", "-nostats", "-v", "info", "-i", rendition, "-i", source,
            "-lavfi", $"[0:v]setpts=PTS-STARTPTS[encoded];[1:v]scale=w={rung.Width}:h={rung.Height},setsar=1,setpts=PTS-STARTPTS[reference];[encoded][reference]ssim",
            "-f", "null", "-",
        ]).ExecuteBoundBufferedAsync();
        return SsimLog.All(result.StandardError);
    }

    /// <summary>Media seconds per wall second: the worker program (process start, probe, ladder, waveform, poster,
    /// outputs, manifest; local-folder storage) against the bare one-decode ladder encode alone.</summary>
    private static async Task RealtimeFactorAsync(Rows rows, string source, VideoEncoder encoder)
    {
        var probe = await ProbeAsync(source);
        var rungs = Plan(probe);
        var worker = new List<double>();
        var bare = new List<double>();
        for (var i = 0; i < Repetitions; i++)
        {
            worker.Add(await Stats.SecondsAsync(() => RunWorkerAsync(source, encoder)));
            bare.Add(await Stats.SecondsAsync(() => EncodeAsync(source, probe, rungs, encoder)));
        }

        var (ours, baseline) = (Stats.Median(worker), Stats.Median(bare));
        rows.Add("encode-realtime-factor-1080p", probe.DurationSeconds / ours,
            $"worker job {Seconds(ours)} vs bare ffmpeg ladder {Seconds(baseline)} = {Rows.Format(probe.DurationSeconds / baseline)}x realtime; "
            + $"1080p testsrc2 moving {Invariant(probe.DurationSeconds)} s 25 fps, {rungs.Count} rungs, {EncoderDescription(encoder)}, "
            + $"local-folder storage, worker process start included ({WorkerBuild.Description}), {Environment.ProcessorCount} cores, median of {Repetitions}");
    }

    private static string Ssims(IEnumerable<double> values) => string.Join('/', values.Select(value => value.ToString("0.0000", CultureInfo.InvariantCulture)));

    private static string Megabits(long bits) => (bits / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " Mbit";

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
