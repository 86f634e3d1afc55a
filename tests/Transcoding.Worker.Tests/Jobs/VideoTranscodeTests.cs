using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.Shared;
using Transcoding.Shared.Webhooks;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Jobs;

/// <summary>Real ffmpeg on a generated 854x480 clip with audio: what a player and the gateway get.</summary>
public class VideoTranscodeTests(TranscodedVideo video) : IClassFixture<TranscodedVideo>
{
    private static readonly string[] Rungs = ["480p", "360p"];

    [Fact]
    public void When_a_video_is_transcoded_the_outputs_follow_the_storage_layout()
    {
        Assert.True(video.Result.Succeeded, video.Result.Error?.Message);
        var outputs = video.Harness.Outputs(video.MediaId);

        Assert.Equal(
            ["hls/360p/index.m3u8", "hls/480p/index.m3u8", "hls/master.m3u8", "manifest.json", "poster.jpg", "storyboard.jpg", "storyboard.vtt", "waveform.dat", "waveform.json"],
            outputs.Where(o => !o.EndsWith(".ts", StringComparison.Ordinal)));
        foreach (var rung in Rungs)
        {
            Assert.Equal(
                Hls.Segments(video.Output($"hls/{rung}/index.m3u8")).Select(s => $"hls/{rung}/{s.Uri}").Order(StringComparer.Ordinal),
                outputs.Where(o => o.StartsWith($"hls/{rung}/", StringComparison.Ordinal) && o.EndsWith(".ts", StringComparison.Ordinal)));
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(video.Harness.WorkDir));
    }

    [Fact]
    public void When_a_video_is_transcoded_the_manifest_is_the_outputs_record()
    {
        var prefix = $"media/{video.MediaId:D}/";
        var manifest = JsonSerializer.Deserialize<TranscodeOutputs>(File.ReadAllText(video.Output("manifest.json")), JsonDefaults.Web)!;
        var outputs = video.Result.Outputs!;

        Assert.Equal(JsonSerializer.Serialize(outputs, JsonDefaults.Web), JsonSerializer.Serialize(manifest, JsonDefaults.Web));
        Assert.Equal(prefix + "hls/master.m3u8", manifest.MasterPlaylistKey);
        Assert.Equal(prefix + "manifest.json", manifest.ManifestKey);
        Assert.Equal(prefix + "poster.jpg", manifest.PosterKey);
        Assert.Equal("libx264", manifest.Encoder);
        Assert.Equal(3, manifest.DurationSeconds, precision: 1);
        Assert.Equal(
            [new Rendition { Name = "480p", Width = 854, Height = 480, VideoBitrateKbps = 1000, AudioBitrateKbps = 128, PlaylistKey = prefix + "hls/480p/index.m3u8" },
             new Rendition { Name = "360p", Width = 640, Height = 360, VideoBitrateKbps = 600, AudioBitrateKbps = 128, PlaylistKey = prefix + "hls/360p/index.m3u8" }],
            manifest.Renditions);
        Assert.Equal(new WaveformOutput { JsonKey = prefix + "waveform.json", DatKey = prefix + "waveform.dat", SampleRate = 48000, SamplesPerPixel = 256 }, manifest.Waveform);
        Assert.Contains("\"masterPlaylistKey\"", File.ReadAllText(video.Output("manifest.json")));
    }

    [Fact]
    public async Task When_a_video_is_transcoded_every_playlist_and_segment_decodes()
    {
        await Hls.AssertDecodesAsync(video.Output("hls/master.m3u8"));
        foreach (var rung in Rungs)
        {
            var playlist = video.Output($"hls/{rung}/index.m3u8");
            await Hls.AssertDecodesAsync(playlist);
            foreach (var segment in Hls.Segments(playlist))
            {
                await Hls.AssertDecodesAsync(Path.Combine(Path.GetDirectoryName(playlist)!, segment.Uri));
            }
        }
    }

    [Fact]
    public async Task When_a_video_is_transcoded_keyframes_align_across_rungs()
    {
        var starts = new List<List<double>>();
        foreach (var rung in Rungs)
        {
            var folder = video.Output($"hls/{rung}");
            var rungStarts = new List<double>();
            foreach (var segment in Hls.Segments(Path.Combine(folder, "index.m3u8")))
            {
                var (pts, key) = await Hls.FirstVideoPacketAsync(Path.Combine(folder, segment.Uri));
                Assert.True(key, $"{rung}/{segment.Uri} does not start with a key frame");
                rungStarts.Add(Math.Round(pts, 3));
            }

            starts.Add(rungStarts);
        }

        Assert.True(starts[0].Count >= 3, "a 3 s clip with 1 s segments gives at least 3 segments");
        Assert.All(starts, rungStarts => Assert.Equal(starts[0], rungStarts));
    }

    [Fact]
    public async Task When_a_video_is_transcoded_durations_match_the_source_within_a_segment()
    {
        var source = await Hls.DurationAsync(video.Source);
        foreach (var rung in Rungs)
        {
            var segments = Hls.Segments(video.Output($"hls/{rung}/index.m3u8"));
            Assert.All(segments, s => Assert.True(s.Duration <= 1.1, $"{rung} segment {s.Uri} lasts {s.Duration} s"));
            Assert.InRange(segments.Sum(s => s.Duration), source - 1, source + 1);
            Assert.InRange(await Hls.DurationAsync(video.Output($"hls/{rung}/index.m3u8")), source - 1, source + 1);
        }
    }

    [Fact]
    public async Task When_a_video_is_transcoded_no_rung_is_larger_than_the_source()
    {
        var (sourceWidth, sourceHeight) = await Hls.VideoSizeAsync(video.Source);
        var master = File.ReadAllText(video.Output("hls/master.m3u8"));
        foreach (var rendition in video.Result.Outputs!.Renditions)
        {
            var firstSegment = Hls.Segments(video.Output($"hls/{rendition.Name}/index.m3u8"))[0].Uri;
            var (width, height) = await Hls.VideoSizeAsync(video.Output($"hls/{rendition.Name}/{firstSegment}"));

            Assert.Equal((rendition.Width, rendition.Height), (width, height));
            Assert.True(width <= sourceWidth && height <= sourceHeight);
            Assert.Contains($"RESOLUTION={width}x{height}", master);
            Assert.Equal(["video", "audio"], await Hls.StreamTypesAsync(video.Output($"hls/{rendition.Name}/{firstSegment}")));
        }
    }

    [Fact]
    public async Task When_a_video_is_transcoded_the_poster_is_a_jpeg_at_the_top_rung_size()
    {
        Assert.Equal((854, 480), await Hls.VideoSizeAsync(video.Output("poster.jpg")));
        var bytes = File.ReadAllBytes(video.Output("poster.jpg"));
        Assert.Equal([0xFF, 0xD8], bytes[..2]);
    }

    [Fact]
    public void When_a_video_is_transcoded_signed_progress_then_completed_callbacks_arrive()
    {
        var received = video.Callbacks.Received.ToList();

        Assert.All(received, r => Assert.Equal(WebhookVerificationResult.Valid, r.Verification));
        Assert.All(received, r => Assert.Equal((video.MediaId, 1, "job-video"), (r.Callback.MediaId, r.Callback.Attempt, r.Callback.JobId)));
        var completed = Assert.Single(video.Callbacks.Final);
        Assert.Equal(CallbackStatus.Completed, completed.Status);
        Assert.Equal(received[^1].Callback, completed);
        Assert.Equal(JsonSerializer.Serialize(video.Result.Outputs, JsonDefaults.Web), JsonSerializer.Serialize(completed.Outputs, JsonDefaults.Web));
        var progress = received.Where(r => r.Callback.Status == CallbackStatus.Progress).Select(r => r.Callback.Progress!.Value).ToList();
        Assert.NotEmpty(progress);
        Assert.Equal(progress.Order(), progress);
        Assert.All(progress, p => Assert.InRange(p, 0, 100));
    }
}
