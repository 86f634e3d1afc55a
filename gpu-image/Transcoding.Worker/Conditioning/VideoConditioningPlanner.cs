using Transcoding.Worker.Probing;

namespace Transcoding.Worker.Conditioning;

/// <summary>Decides a source's <see cref="VideoConditioning"/> from its probe; pure, so every rule is a table test.</summary>
public static class VideoConditioningPlanner
{
    /// <summary>Common rates, for sources whose timing rate (<c>r_frame_rate</c>) is a timebase rather than a frame rate.</summary>
    private static readonly FrameRate[] StandardRates =
    [
        new(24000, 1001), new(24, 1), new(25, 1), new(30000, 1001), new(30, 1),
        new(48, 1), new(50, 1), new(60000, 1001), new(60, 1), new(100, 1), new(120000, 1001), new(120, 1),
    ];

    /// <summary>Codecs with no interlaced coding tools, used for progressive web and image sources.</summary>
    private static readonly HashSet<string> ProgressiveOnlyCodecs = ["vp8", "vp9", "av1", "gif", "apng", "png", "webp", "theora"];

    /// <summary>Shortest audio overhang worth padding: below a frame's duration at 24 fps nothing is lost.</summary>
    private const double MinimumHoldSeconds = 0.042;

    /// <param name="probe">The source.</param>
    /// <param name="detectedParity">What <c>idet</c> found when the stream does not say it is interlaced; null for progressive.</param>
    /// <param name="maxFramesPerSecond">The cap; a faster source keeps every n-th frame for the smallest whole n that fits.</param>
    public static VideoConditioning Plan(MediaProbe probe, FieldParity? detectedParity, int maxFramesPerSecond)
    {
        var video = probe.Video ?? throw new ArgumentException("Conditioning needs a video stream.", nameof(probe));
        return new VideoConditioning(
            StatedParity(video.FieldOrder) ?? detectedParity,
            CappedRate(video, maxFramesPerSecond),
            DynamicRangeOf(video.ColorTransfer),
            HoldLastSeconds(probe));
    }

    public static DynamicRange DynamicRangeOf(string? colorTransfer) => colorTransfer switch
    {
        "smpte2084" => DynamicRange.Pq,
        "arib-std-b67" => DynamicRange.Hlg,
        _ => DynamicRange.Sdr,
    };

    /// <summary>ffprobe's field orders: <c>tt</c>/<c>tb</c> top field first, <c>bb</c>/<c>bt</c> bottom first (coded, displayed).</summary>
    public static FieldParity? StatedParity(string? fieldOrder) => fieldOrder switch
    {
        "tt" or "tb" => FieldParity.TopFirst,
        "bb" or "bt" => FieldParity.BottomFirst,
        _ => null,
    };

    /// <summary>
    /// True when the stream does not say how it is scanned (MPEG-4 Part 2 in AVI, MJPEG) and its codec can carry
    /// interlaced pictures, so the pictures are inspected. idet also finds "interlaced" frames in progressive pictures
    /// with fast motion over fine horizontal detail (all 201 frames of a 120 fps testsrc2 clip), so it is not run on
    /// streams that say progressive, nor on codecs made for progressive web video, which never state a field order.
    /// </summary>
    public static bool NeedsDetection(VideoStreamInfo video) => video.FieldOrder is null && !ProgressiveOnlyCodecs.Contains(video.Codec);

    /// <summary>
    /// The rate the renditions are written at. ffmpeg times frames at <c>r_frame_rate</c> (so a variable-rate source
    /// comes out constant at its fastest rate, which is what RFC 8216 4.3.4.2 FRAME-RATE means: the maximum); when that
    /// is a timebase (WebM's 1000), the average snapped to a standard rate. Above the cap the rate is divided by the
    /// smallest whole number that fits, so frames are dropped evenly (120 -> 60, 119.88 -> 59.94, never 120 -> 59.94).
    /// </summary>
    public static FrameRate? CappedRate(VideoStreamInfo video, int maxFramesPerSecond)
    {
        FrameRate source;
        if (video.FrameRate is { PerSecond: > 0 and <= 240 } timing)
        {
            source = NearestStandard(timing.PerSecond, 0.001) ?? timing;
        }
        else if (video.FramesPerSecond > 0)
        {
            source = NearestStandard(video.FramesPerSecond, 0.01) ?? new FrameRate((long)Math.Round(video.FramesPerSecond * 1000), 1000).Reduced();
        }
        else
        {
            return null;
        }

        var divisor = (int)Math.Ceiling(source.PerSecond / maxFramesPerSecond - 1e-9);
        return divisor > 1 ? source.DividedBy(divisor) : source;
    }

    /// <summary>
    /// The standard rate within <paramref name="tolerance"/> (relative) of <paramref name="framesPerSecond"/>, else
    /// null. Matroska's millisecond timestamps make 119.88 fps read as 29011/242, which drifts against 120000/1001.
    /// </summary>
    private static FrameRate? NearestStandard(double framesPerSecond, double tolerance)
    {
        var nearest = StandardRates.MinBy(rate => Math.Abs(rate.PerSecond - framesPerSecond));
        return Math.Abs(nearest.PerSecond - framesPerSecond) / framesPerSecond < tolerance ? nearest : null;
    }

    /// <summary>How much longer the longest audio track runs than the video: that long the last picture is shown.</summary>
    private static double HoldLastSeconds(MediaProbe probe)
    {
        var videoEnd = probe.Video!.EndSeconds;
        var audioEnd = probe.AudioStreams.Select(a => a.EndSeconds).DefaultIfEmpty(0).Max();
        var overhang = audioEnd - videoEnd;
        return videoEnd > 0 && overhang >= MinimumHoldSeconds ? Math.Round(overhang, 3) : 0;
    }
}
