using Transcoding.Worker.Tests.Jobs;
using Transcoding.Worker.Tests.Support;
using Transcoding.Worker.Validation;

namespace Transcoding.Worker.Tests.Encoding;

/// <summary>hls.js playing the ladder in headless Debian Chromium, served over HTTP on 127.0.0.1.</summary>
public class HlsPlaybackTests(TranscodedVideo video) : IClassFixture<TranscodedVideo>
{
    [Fact]
    public async Task When_hls_js_plays_the_master_playlist_every_level_is_offered_and_the_media_clock_moves()
    {
        var report = await NodeChecks.RunAsync("play-hls.mjs", video.Output(""), "1.5");

        Assert.True(report.GetProperty("supported").GetBoolean(), "MSE is available in this Chromium");
        Assert.Empty(report.GetProperty("errors").EnumerateArray());
        Assert.Equal(
            ["854x480", "640x360"],
            report.GetProperty("levels").EnumerateArray().Select(l => $"{l.GetProperty("width").GetInt32()}x{l.GetProperty("height").GetInt32()}").OrderDescending());
        Assert.True(report.GetProperty("currentTime").GetDouble() >= 1.5);
        Assert.InRange(report.GetProperty("duration").GetDouble(), 2.5, 3.5);
        Assert.True(report.GetProperty("videoWidth").GetInt32() > 0);
    }

    [Fact]
    public async Task When_hls_js_plays_an_audio_only_master_playlist_the_media_clock_moves()
    {
        await using var harness = await WorkerHarness.StartAsync();
        var mediaId = Guid.NewGuid();
        var result = await harness.Executor.ExecuteAsync("job-audio-play", WorkerHarness.Input(mediaId, await harness.UploadSourceAsync(await Clips.AudioOnly)), null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Message);

        var report = await NodeChecks.RunAsync("play-hls.mjs", harness.OutputPath(mediaId, ""), "1.5");

        Assert.Empty(report.GetProperty("errors").EnumerateArray());
        Assert.Single(report.GetProperty("levels").EnumerateArray());
        Assert.True(report.GetProperty("currentTime").GetDouble() >= 1.5);
        Assert.Equal(0, report.GetProperty("videoWidth").GetInt32());
    }

    [Theory]
    [InlineData("video", true)]
    [InlineData("audio only", false)]
    public async Task When_hls_js_plays_a_master_playlist_with_an_audio_group_it_offers_every_track_starts_on_the_default_and_switches(string source, bool hasVideo)
    {
        await using var harness = await WorkerHarness.StartAsync();
        var (mediaId, result) = await harness.RunAsync(source == "video" ? await Clips.CommentaryFirst : await Clips.CommentaryFirstAudioOnly);
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Empty(HlsOutputValidator.Validate(harness.OutputPath(mediaId, ""), $"media/{mediaId:D}/", result.Outputs!.DurationSeconds));

        var playing = await NodeChecks.RunAsync("play-hls.mjs", harness.OutputPath(mediaId, ""), "1.5");
        var switched = await NodeChecks.RunAsync("play-hls.mjs", harness.OutputPath(mediaId, ""), "2.5", "1");

        Assert.Equal(
            ["English en default", "Commentary fr "],
            playing.GetProperty("audioTracks").EnumerateArray().Select(t => $"{t.GetProperty("name")} {t.GetProperty("lang")} {(t.GetProperty("default").GetBoolean() ? "default" : "")}"));
        Assert.Equal(hasVideo, Assert.Single(playing.GetProperty("levels").EnumerateArray()).GetProperty("height").GetInt32() > 0);
        foreach (var (report, track, seconds) in new[] { (playing, 0, 1.5), (switched, 1, 2.5) })
        {
            Assert.Empty(report.GetProperty("errors").EnumerateArray());
            Assert.Equal(track, report.GetProperty("audioTrack").GetInt32());
            Assert.True(report.GetProperty("currentTime").GetDouble() >= seconds);
        }
    }
}
