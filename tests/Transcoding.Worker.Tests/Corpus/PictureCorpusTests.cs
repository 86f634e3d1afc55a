using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Corpus;

/// <summary>
/// Issue 12's corpus, pictures: HDR (kind 1) and the picture formats, shapes and codecs that already pass. Each
/// source is made with ffmpeg at test time, run through the real pipeline and checked for its kind's right value.
/// </summary>
public sealed class PictureCorpusTests
{
    private static readonly Dictionary<string, CorpusKind> Kinds = new()
    {
        // Kind 1. The SDR pattern mastered into PQ/HLG at 100 nits, so a right tone-map gives back about the SDR
        // picture and an untouched one is measurably washed out.
        ["hdr-pq"] = new(() => Hdr("smpte2084"), job => ToneMappedToSdr(job, "pq")),
        ["hdr-hlg"] = new(() => Hdr("arib-std-b67"), job => ToneMappedToSdr(job, "hlg")),

        // Chroma and range as cameras, screen recorders and stills-to-video tools write them.
        ["chroma-444"] = new(() => Pattern("chroma-444.mp4", "-pix_fmt", "yuv444p"), job => Yuv420pTvRange(job)),
        ["chroma-422"] = new(() => Pattern("chroma-422.mp4", "-pix_fmt", "yuv422p"), job => Yuv420pTvRange(job)),
        ["full-range"] = new(() => Pattern("full-range.mp4", "-pix_fmt", "yuvj420p"), job => Yuv420pTvRange(job)),
        // Half-transparent ARGB in QuickTime Animation, as motion-graphics exports carry it.
        ["alpha-qtrle"] = new(() => Clips.Recipe("alpha.mov", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=2", "-vf", "format=argb,colorchannelmixer=aa=0.5", "-c:v", "qtrle"), job => Rungs(job, 2, (320, 180))),
        // An animated GIF: palette pictures, no audio.
        ["gif"] = new(() => Clips.Recipe("animated.gif", "-f", "lavfi", "-i", "testsrc2=s=160x120:r=10:d=2"), job => VideoOnly(job, 2, (160, 120))),
        // A QuickTime timecode track (tmcd) beside video and audio, as cameras and editors write it; and AV1 video.
        ["tmcd"] = new(() => Pattern("timecode.mov", "-timecode", "01:00:00:00"), job => VideoAndAudio(job)),
        ["av1"] = new(async () => await Pattern("av1.mp4", await Av1Encoder()), job => VideoAndAudio(job)),

        ["rotation"] = new(() => Clips.Rotated, job => Rungs(job, 2, (360, 640))),

        // 360x240 at SAR 32:27 (DVD 16:9): shown 426.7x240.
        ["anamorphic"] = new(() => Pattern("anamorphic.mp4", "-vf", "scale=360:240,setsar=32/27"), job => SquarePixelsAt(job, 16.0 / 9)),

        // Odd sizes come from screen and tab recorders (VP8 in WebM takes them).
        ["odd-size"] = new(() => Clips.Recipe("odd-size.webm", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=2", "-f", "lavfi", "-i", "sine=d=2", "-vf", "scale=321:241",
            "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus", "-shortest"), job => Rungs(job, 2, (320, 240))),
        ["tiny"] = new(() => Clips.Recipe("tiny.mp4", "-f", "lavfi", "-i", "testsrc2=s=64x36:r=25:d=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"), job => Rungs(job, 2, (64, 36))),

        // Above 4K for one second at 5 fps: every default rung, none above 1080p.
        ["above-4k"] = new(() => Clips.Recipe("above-4k.mp4", "-f", "lavfi", "-i", "testsrc2=s=4160x2340:r=5:d=1", "-f", "lavfi", "-i", "sine=d=1",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"), job => Rungs(job, 1, (1920, 1080), (1280, 720), (854, 480), (640, 360))),
    };

    public static TheoryData<string> Names => new(Kinds.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public Task When_a_picture_of_this_kind_is_uploaded_it_is_transcoded_to_its_right_value(string kind) => Kinds[kind].RunAsync();

    /// <summary>The 2 s 320x180 pattern with a sine, H.264 unless <paramref name="extra"/> says otherwise (later options win).</summary>
    private static Task<string> Pattern(string name, params string[] extra) => Clips.Recipe(name,
    [
        "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=2", "-f", "lavfi", "-i", "sine=d=2:sample_rate=48000",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", .. extra,
    ]);

    /// <summary>An AV1 encoder this ffmpeg has, the fastest first; having none fails the kind rather than skipping it.</summary>
    private static async Task<string[]> Av1Encoder()
    {
        var encoders = await Tool.OutputAsync("ffmpeg", "-hide_banner", "-encoders");
        if (encoders.Contains(" libsvtav1 ", StringComparison.Ordinal))
        {
            return ["-c:v", "libsvtav1", "-preset", "12", "-svtav1-params", "lp=1"];
        }

        Assert.True(encoders.Contains(" libaom-av1 ", StringComparison.Ordinal), "this ffmpeg has no AV1 encoder (libsvtav1 or libaom-av1) to make the AV1 source with");
        return ["-c:v", "libaom-av1", "-cpu-used", "8", "-row-mt", "1"];
    }

    /// <summary>The same pattern as <see cref="Hdr"/> in plain SDR BT.709: what a right tone-map should look like.</summary>
    private static Task<string> SdrReference => Clips.Recipe("hdr-sdr-reference.mp4",
        "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709");

    /// <summary>HEVC 10-bit BT.2020 with <paramref name="transfer"/>, as phones record it (issue 12's recipe, mastered from SDR).</summary>
    private static Task<string> Hdr(string transfer) => Clips.Recipe($"hdr-{transfer}.mp4",
        "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=2", "-f", "lavfi", "-i", "sine=d=2:sample_rate=48000",
        "-vf", $"format=yuv420p,setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709:range=tv,zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt2020:t={transfer}:m=bt2020nc:r=tv,format=yuv420p10le",
        "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-pix_fmt", "yuv420p10le", "-tag:v", "hvc1",
        "-color_primaries", "bt2020", "-color_trc", transfer, "-colorspace", "bt2020nc", "-c:a", "aac", "-shortest");

    /// <summary>
    /// Every rung 8-bit H.264 tagged BT.709, the manifest names the source's dynamic range, and the picture is about
    /// as bright as the SDR render and not washed out. Measured on this pattern with zscale + tonemap (hable, mobius,
    /// reinhard, clip; 100 or 203 nits): mean 0.56 to 0.99 of the SDR render's, contrast (YHIGH − YLOW) 0.48 to 1.0;
    /// PQ left untouched keeps 0.36 of the contrast (61 of 169 codes). HLG untouched keeps 0.55: it is made to be
    /// watchable as SDR, and its tags say what is wrong with it.
    /// </summary>
    // The poster is tone-mapped too: its mean luma is within a quarter of the video's (untouched it was 1.6 times it).
    private static async Task ToneMappedToSdr(CorpusJob job, string dynamicRange)
    {
        job.AssertReady(2);
        var rungs = new List<string>();
        foreach (var (rendition, playlist) in job.VideoRungs)
        {
            var video = await Hls.StreamAsync(CorpusJob.SegmentPaths(playlist).First(), "v:0");
            rungs.Add(string.Join(' ', new[] { "codec_name", "pix_fmt", "color_transfer", "color_primaries", "color_space" }.Select(field => video.GetValueOrDefault(field, "?"))));
        }

        var reference = await Measure.LumaAsync(await SdrReference);
        var output = await Measure.LumaAsync(job.VideoRungs.First().Playlist);
        var poster = await Measure.LumaAsync(job.Output("poster.jpg"));
        var manifest = job.Manifest("source", "dynamicRange");
        Assert.True(
            rungs.All(rung => rung == "h264 yuv420p bt709 bt709 bt709") && manifest == dynamicRange
                && output.Average / reference.Average is >= 0.5 and <= 1.25 && output.Spread >= 0.45 * reference.Spread
                && poster.Average / output.Average is >= 0.8 and <= 1.25,
            $"rungs [{string.Join("; ", rungs)}], manifest source.dynamicRange {manifest ?? "absent"}, luma {output} against SDR {reference}, poster {poster}");
    }

    /// <summary>4:2:0 8-bit in TV range, levels converted: the full-range pattern measures like the TV-range one.</summary>
    private static async Task Yuv420pTvRange(CorpusJob job)
    {
        job.AssertReady(2);
        var playlist = job.VideoRungs.Single().Playlist;
        var video = await Hls.StreamAsync(CorpusJob.SegmentPaths(playlist).First(), "v:0");
        Assert.Equal(("yuv420p", "tv"), (video.GetValueOrDefault("pix_fmt"), video.GetValueOrDefault("color_range") ?? "tv"));
        var reference = await Measure.LumaAsync(await Pattern("tv-range.mp4"));
        var output = await Measure.LumaAsync(playlist);
        Assert.True(Math.Abs(output.Low - reference.Low) <= 6 && Math.Abs(output.High - reference.High) <= 6, $"output luma {output} against TV range {reference}");
    }

    /// <summary>Exactly these rungs, in order, each segment at its rung's size.</summary>
    private static async Task Rungs(CorpusJob job, double programSeconds, params (int Width, int Height)[] sizes)
    {
        job.AssertReady(programSeconds);
        Assert.Equal(sizes, job.VideoRungs.Select(r => (r.Rendition.Width ?? 0, r.Rendition.Height ?? 0)));
        foreach (var (rendition, playlist) in job.VideoRungs)
        {
            Assert.Equal((rendition.Width!.Value, rendition.Height!.Value), await Hls.VideoSizeAsync(CorpusJob.SegmentPaths(playlist).First()));
        }
    }

    private static async Task VideoOnly(CorpusJob job, double programSeconds, (int Width, int Height) size)
    {
        await Rungs(job, programSeconds, size);
        Assert.Null(job.Outputs.Waveform);
        Assert.Equal(["video"], await Hls.StreamTypesAsync(CorpusJob.SegmentPaths(job.VideoRungs.Single().Playlist).First()));
    }

    /// <summary>Extra tracks (timecode) left behind, the codec (AV1) decoded: H.264 video and audio, nothing else.</summary>
    private static async Task VideoAndAudio(CorpusJob job)
    {
        await Rungs(job, 2, (320, 180));
        var segment = CorpusJob.SegmentPaths(job.VideoRungs.Single().Playlist).First();
        Assert.Equal(["video", "audio"], await Hls.StreamTypesAsync(segment));
        Assert.Equal("h264", (await Hls.StreamAsync(segment, "v:0"))["codec_name"]);
    }

    /// <summary>Square pixels and the display aspect ratio of the source, within rounding to even sizes.</summary>
    private static async Task SquarePixelsAt(CorpusJob job, double displayAspect)
    {
        job.AssertReady(2);
        foreach (var (rendition, playlist) in job.VideoRungs)
        {
            var video = await Hls.StreamAsync(CorpusJob.SegmentPaths(playlist).First(), "v:0");
            var (width, height) = (int.Parse(video["width"]), int.Parse(video["height"]));
            Assert.Equal("1:1", video.GetValueOrDefault("sample_aspect_ratio") ?? "1:1");
            Assert.True(Math.Abs((double)width / height / displayAspect - 1) < 0.01, $"{rendition.Name} is {width}x{height}, display aspect {displayAspect:0.###}");
        }
    }
}
