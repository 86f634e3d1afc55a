using System.Globalization;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Corpus;

/// <summary>
/// Issue 12's corpus, time: interlaced fields (kind 2), no container duration (9), variable (11) and high (12) frame
/// rates, and the timelines that already pass (NTSC film rate, video starting late, a capture's start offset, WebM).
/// </summary>
public sealed class TimingCorpusTests
{
    private static readonly Dictionary<string, CorpusKind> Kinds = new()
    {
        // Kind 2. 59.94 fields/s woven into 29.97 frames/s. mandelbrot, not testsrc2: idet calls progressive
        // testsrc2 interlaced (80 of 90 frames) but progressive mandelbrot not, so the source check proves something.
        ["interlaced-tff"] = new(() => Woven("interlaced-tff.mp4", "tinterlace=mode=interleave_top,fieldorder=tff", "-c:v", "libx264", "-preset", "ultrafast", "-flags", "+ildct+ilme", "-x264-params", "tff=1", "-pix_fmt", "yuv420p", "-c:a", "aac"),
            job => Deinterlaced(job, bottomFirst: false)),
        ["interlaced-bff"] = new(() => Woven("interlaced-bff.mp4", "tinterlace=mode=interleave_bottom,fieldorder=bff", "-c:v", "libx264", "-preset", "ultrafast", "-flags", "+ildct+ilme", "-x264-params", "bff=1", "-pix_fmt", "yuv420p", "-c:a", "aac"),
            job => Deinterlaced(job, bottomFirst: true)),

        // Kind 2, the container silent (MPEG-4 part 2 in AVI, MJPEG: field order unknown), both field orders. (A stream
        // that says progressive is trusted: woven fields under that flag are not handled; see the README.)
        ["interlaced-unflagged-avi"] = new(() => Woven("interlaced-unflagged.avi", "tinterlace=mode=interleave_top", "-c:v", "mpeg4", "-q:v", "3", "-c:a", "pcm_s16le"),
            job => Deinterlaced(job, bottomFirst: false)),
        ["interlaced-unflagged-mjpeg-bff"] = new(() => Woven("interlaced-unflagged-bff.avi", "tinterlace=mode=interleave_bottom,fieldorder=bff", "-c:v", "mjpeg", "-q:v", "3", "-c:a", "pcm_s16le"),
            job => Deinterlaced(job, bottomFirst: true)),

        // Kind 9, a WebM written to a pipe as MediaRecorder does: no duration in the container. The encode reads the
        // source at its own pace (-re) so that a sane progress has time to show itself on any machine.
        ["no-container-duration"] = new(NoDurationWebm, NoDurationButKnown, new Dictionary<string, string?> { ["Worker:FfmpegPath"] = RealTimeFfmpeg }),

        // Kind 11: 2 s at 20 fps then 2 s at 60 fps (issue 12's select), timestamps kept.
        ["variable-frame-rate"] = new(() => Clips.Recipe("vfr.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=60:d=4", "-f", "lavfi", "-i", "sine=f=440:d=4",
            "-vf", @"select='gte(n\,120)+not(mod(n\,3))'", "-fps_mode", "vfr", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"), FrameRateAsWritten),

        // Kind 12: halved exactly in every rung (two at 854x480), 119.88 to 59.94. testsrc2 cannot make 119.88 itself.
        ["120fps"] = new(() => Clips.Recipe("120fps.mp4", "-f", "lavfi", "-i", "testsrc2=s=854x480:r=120:d=2", "-f", "lavfi", "-i", "sine=d=2",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"), job => ConstantRate(job, 2, "60/1", 2)),
        ["119.88fps"] = new(() => Clips.Recipe("119.88fps.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=120:d=2", "-f", "lavfi", "-i", "sine=d=2",
            "-vf", "fps=120000/1001", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"), job => ConstantRate(job, 2, "60000/1001", 1)),

        ["ntsc-film-23.976fps"] = new(() => Clips.Recipe("23.976fps.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=24000/1001:d=2", "-f", "lavfi", "-i", "sine=d=2",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"), job => ConstantRate(job, 2, "24000/1001", 1)),

        // Audio from 0 s, video from 1 s (a start offset in Matroska): the program is the 4 s of audio.
        ["late-video-start"] = new(() => Clips.Recipe("late-video.mkv", "-f", "lavfi", "-i", "sine=f=440:d=4", "-itsoffset", "1", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=3",
            "-map", "1:v", "-map", "0:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"), job => Lasts(job, 4)),

        // Video 0-3 s, audio 2-5 s in Matroska, whose DURATION tag is a track's end, not its length: the last picture is
        // held to 5 s, not to 7.
        ["late-audio-start-matroska"] = new(() => Clips.Recipe("late-audio.mkv", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=3", "-itsoffset", "2", "-f", "lavfi", "-i", "sine=f=440:d=3",
            "-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"), job => Lasts(job, 5)),

        // A broadcast capture's timeline starts far from 0 (here about 601 s).
        ["transport-stream-start-offset"] = new(() => Clips.Recipe("offset.ts", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=3", "-f", "lavfi", "-i", "sine=d=3",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-output_ts_offset", "600", "-f", "mpegts"), job => Lasts(job, 3)),

        // A browser upload that does say its duration: VP9 and Opus.
        ["webm-vp9-opus"] = new(() => Clips.Recipe("vp9-opus.webm", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=3", "-f", "lavfi", "-i", "sine=d=3",
            "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k", "-c:a", "libopus", "-shortest"), ProgressiveVp9),
    };

    public static TheoryData<string> Names => new(Kinds.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public Task When_an_upload_with_this_timing_is_transcoded_it_has_its_right_value(string kind) => Kinds[kind].RunAsync();

    /// <summary>mandelbrot at 59.94 frames/s, fields woven by <paramref name="weave"/>, 3 s with a sine.</summary>
    private static Task<string> Woven(string name, string weave, params string[] codecs) => Clips.Recipe(name,
    [
        "-f", "lavfi", "-i", "mandelbrot=s=320x240:r=60000/1001", "-f", "lavfi", "-i", "sine=d=3", "-t", "3", "-vf", weave, .. codecs, "-shortest",
    ]);

    /// <summary>
    /// The source really is interlaced in the expected field order (idet: at least 80 % of its frames) and the output
    /// is not (at most 10 %), one progressive frame per source frame (bwdif send_frame: 29.97 stays 29.97).
    /// </summary>
    private static async Task Deinterlaced(CorpusJob job, bool bottomFirst)
    {
        job.AssertReady(3);
        var source = await Measure.IdetAsync(job.Source);
        Assert.True((bottomFirst ? source.Bff : source.Tff) >= 0.8 * source.Frames, $"source: {source}");
        var playlist = job.VideoRungs.Single().Playlist;
        var output = await Measure.IdetAsync(playlist);
        var rates = await SegmentRates(playlist);
        var measured = await Measure.FramesPerSecondAsync(playlist);
        var frameRate = job.Variants.Single().Attributes.GetValueOrDefault("FRAME-RATE");
        Assert.True(
            output.Interlaced <= 0.1 * output.Frames && rates.SetEquals(["30000/1001"]) && Math.Abs(measured - 30000.0 / 1001) < 0.05 && frameRate == "29.970",
            $"output: {output}; r_frame_rate {string.Join(',', rates)}, measured {measured:0.###} fps, FRAME-RATE {frameRate}");
    }

    /// <summary>
    /// Every rung at exactly <paramref name="rate"/>, declared (r_frame_rate) and measured from the timestamps within
    /// 0.05 % (60 and 59.94 are 0.1 % apart), and FRAME-RATE saying so.
    /// </summary>
    private static async Task ConstantRate(CorpusJob job, double programSeconds, string rate, int rungs)
    {
        job.AssertReady(programSeconds);
        var expected = Ratio(rate);
        Assert.Equal(rungs, job.Variants.Count);
        foreach (var variant in job.Variants)
        {
            var playlist = job.Output("hls/" + variant.Uri);
            var rates = await SegmentRates(playlist);
            var measured = await Measure.FramesPerSecondAsync(playlist);
            var frameRate = variant.Attributes.GetValueOrDefault("FRAME-RATE");
            Assert.True(
                rates.SetEquals([rate]) && Math.Abs(measured / expected - 1) < 0.0005 && frameRate == expected.ToString("0.000", CultureInfo.InvariantCulture),
                $"{variant.Uri}: r_frame_rate {string.Join(',', rates)}, measured {measured:0.###} fps, FRAME-RATE {frameRate}; expected {rate}");
        }
    }

    /// <summary>
    /// FRAME-RATE is what ffprobe measures on the variant's segments: the highest <c>r_frame_rate</c> among them (RFC
    /// 8216: the maximum frame rate of the variant; for a constant-rate output, its rate).
    /// </summary>
    private static async Task FrameRateAsWritten(CorpusJob job)
    {
        job.AssertReady(4);
        foreach (var variant in job.Variants)
        {
            var rates = await SegmentRates(job.Output("hls/" + variant.Uri));
            var highest = rates.Max(Ratio).ToString("0.000", CultureInfo.InvariantCulture);
            Assert.True(variant.Attributes.GetValueOrDefault("FRAME-RATE") == highest,
                $"{variant.Uri}: FRAME-RATE {variant.Attributes.GetValueOrDefault("FRAME-RATE")}, segments' r_frame_rate {string.Join(',', rates)}");
        }
    }

    /// <summary>The program lasts <paramref name="seconds"/>: manifest, every playlist's EXTINF sum (the validator) and the content.</summary>
    /// <summary>
    /// WebM states no field order, yet VP9 has no interlaced coding: the progressive testsrc2 it carries (which idet
    /// calls interlaced) is left as it is.
    /// </summary>
    private static async Task ProgressiveVp9(CorpusJob job)
    {
        await Lasts(job, 3);
        Assert.Equal("progressive", job.Manifest("source", "fieldOrder"));
    }

    private static async Task Lasts(CorpusJob job, double seconds)
    {
        job.AssertReady(seconds);
        Assert.Equal(seconds, job.Outputs.DurationSeconds, 0.5);
        foreach (var playlist in job.VariantPlaylists)
        {
            Assert.Equal(seconds, await Hls.StreamDurationAsync(playlist, "a:0"), 0.5);
        }
    }

    /// <summary>
    /// The duration is found although the container has none, and progress moves with the encode: it starts low,
    /// never goes back and never leaps (85 first is what a job without a duration reports: 0 straight to 85). With the
    /// encode at real time, a known duration gives a report every half second, about 11 points apart.
    /// </summary>
    private static async Task NoDurationButKnown(CorpusJob job)
    {
        Assert.Equal("N/A", (await Tool.OutputAsync("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", job.Source)).Trim());
        job.AssertReady(4);
        var progress = job.Progress;
        var steps = progress.Zip(progress.Skip(1), (before, after) => after - before).ToList();
        Assert.True(
            Math.Abs(job.Outputs.DurationSeconds - 4) <= 0.5 && progress.Count > 0 && progress[0] < 40 && steps.All(step => step is >= 0 and <= 40),
            $"durationSeconds {job.Outputs.DurationSeconds} of 4; progress {string.Join(", ", progress)}");
    }

    private static Task<string> NoDurationWebm() => Clips.Make("no-duration.webm", path => Tool.ToFileAsync("ffmpeg", path,
        "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=4", "-f", "lavfi", "-i", "sine=f=440:d=4",
        "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k", "-c:a", "libopus", "-f", "webm", "pipe:1"));

    /// <summary>
    /// ffmpeg, reading its input at the input's own rate (<c>-re</c>) when it encodes (the run that reports progress),
    /// as it would for a long source: a 4 s source then takes 4 s whatever the machine, so progress has several reports.
    /// </summary>
    private static string RealTimeFfmpeg
    {
        get
        {
            var path = Clips.Scratch("ffmpeg-realtime.sh");
            if (!File.Exists(path))
            {
                var temporary = path + Guid.NewGuid().ToString("N");
                File.WriteAllText(temporary, "#!/bin/sh\ncase \" $* \" in *\" -progress \"*) exec ffmpeg -re \"$@\";; esac\nexec ffmpeg \"$@\"\n");
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }

                File.Move(temporary, path, overwrite: true);
            }

            return path;
        }
    }

    /// <summary>The distinct <c>r_frame_rate</c> ffprobe gives each segment of a media playlist.</summary>
    private static async Task<HashSet<string>> SegmentRates(string playlist)
    {
        var rates = new HashSet<string>();
        foreach (var segment in CorpusJob.SegmentPaths(playlist))
        {
            rates.Add((await Hls.StreamAsync(segment, "v:0"))["r_frame_rate"]);
        }

        return rates;
    }

    private static double Ratio(string rate) => rate.Split('/') is [var numerator, var denominator]
        ? double.Parse(numerator, CultureInfo.InvariantCulture) / double.Parse(denominator, CultureInfo.InvariantCulture)
        : double.Parse(rate, CultureInfo.InvariantCulture);
}
