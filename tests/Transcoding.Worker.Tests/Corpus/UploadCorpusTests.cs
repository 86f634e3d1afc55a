using Transcoding.Worker.Encoding;
using Transcoding.Worker.Jobs;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Corpus;

/// <summary>
/// Issue 12's corpus, what the output promises and uploads that hold less than they say: the poster (kind 5),
/// TARGETDURATION (6), empty streams (7), cut uploads (8, and an MP4 cut before its index), BANDWIDTH (10).
/// </summary>
public sealed class UploadCorpusTests
{
    private static readonly Dictionary<string, CorpusKind> Kinds = new()
    {
        ["one-frame-poster"] = new(() => Clips.OneFrame, OneFramePoster),

        // Kind 6: ffmpeg truncates the longest segment to get TARGETDURATION (0.5 s gave 0, 3.5 s gave 3). The 3.5 s
        // clip needs 4 s segments to be one segment of 3.5 s.
        ["target-duration-0.5s"] = new(() => Clips.ShortClip(0.5), job => TargetDurationCoversSegments(job, 0.5)),
        ["target-duration-3.5s"] = new(() => Clips.ShortClip(3.5), job => TargetDurationCoversSegments(job, 3.5), new Dictionary<string, string?> { ["Worker:SegmentSeconds"] = "4" }),

        // Kind 7: a WAV header and no samples; an AVI video stream and no frames.
        ["empty-audio-stream"] = new(() => Clips.EmptyAudio, job => FailsPermanently(job, JobErrorCodes.SourceEmpty)),
        ["empty-video-stream"] = new(() => Clips.EmptyVideo, job => FailsPermanently(job, JobErrorCodes.SourceEmpty)),

        // Kind 8: the first 60 % of a faststart MP4; and the passing kind "missing moov" (60 % of one written index-last).
        ["truncated-upload"] = new(() => Clips.Truncated("mp4-faststart"), job => FailsPermanently(job, JobErrorCodes.SourceTruncated)),
        ["missing-moov"] = new(() => Clips.Truncated("mp4"), job => FailsPermanently(job, JobErrorCodes.SourceUnreadable)),

        // Kind 10: 60 fps at CRF 10 bursts above the rung's configured rate.
        ["bandwidth-burst"] = new(() => Clips.Sixty, PeakWithinBandwidth),
    };

    public static TheoryData<string> Names => new(Kinds.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public Task When_an_upload_of_this_kind_is_transcoded_it_has_its_right_value(string kind) => Kinds[kind].RunAsync();

    /// <summary>The manifest's poster exists (the validator checks every key), a JPEG of the only frame at the rung's size.</summary>
    private static async Task OneFramePoster(CorpusJob job)
    {
        job.AssertReady(0.04);
        Assert.Equal(job.Prefix + "poster.jpg", job.Outputs.PosterKey);
        Assert.Equal((320, 180), await Hls.VideoSizeAsync(job.Output("poster.jpg")));
        Assert.Equal([0xFF, 0xD8], File.ReadAllBytes(job.Output("poster.jpg"))[..2]);
    }

    /// <summary>RFC 8216 4.3.3.1: every EXTINF rounded to the nearest integer is at most TARGETDURATION, which is at least 1.</summary>
    private static Task TargetDurationCoversSegments(CorpusJob job, double seconds)
    {
        job.AssertReady(seconds);
        foreach (var path in job.VariantPlaylists)
        {
            var playlist = MediaPlaylist.Parse(File.ReadAllText(path));
            var longest = playlist.Segments.Max(s => (int)Math.Round(s.Seconds, MidpointRounding.AwayFromZero));
            Assert.True(playlist.TargetDuration >= Math.Max(1, longest), $"TARGETDURATION {playlist.TargetDuration}, EXTINF {string.Join(',', playlist.Segments.Select(s => s.Seconds))}");
        }

        return Task.CompletedTask;
    }

    private static Task FailsPermanently(CorpusJob job, string code)
    {
        job.AssertFailedPermanently(code);
        return Task.CompletedTask;
    }

    /// <summary>RFC 8216 4.3.4.2, on the bytes written: BANDWIDTH at least the peak segment's bit rate, AVERAGE-BANDWIDTH not above it.</summary>
    private static Task PeakWithinBandwidth(CorpusJob job)
    {
        job.AssertReady(3);
        foreach (var variant in job.Variants)
        {
            var size = VariantSize.Measure(job.Output("hls/" + variant.Uri));
            Assert.True(variant.Bandwidth >= size.PeakBitsPerSecond && variant.AverageBandwidth <= variant.Bandwidth,
                $"{variant.Uri}: BANDWIDTH {variant.Bandwidth}, AVERAGE-BANDWIDTH {variant.AverageBandwidth}, peak segment {size.PeakBitsPerSecond} bit/s");
        }

        return Task.CompletedTask;
    }
}
