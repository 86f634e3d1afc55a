using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.Worker.Tests.Support;
using Transcoding.Worker.Validation;

namespace Transcoding.Worker.Tests.Jobs;

/// <summary>Issue 12 kind 4 and the 5.1 waveform through the real pipeline: which audio plays, and how loud.</summary>
public sealed class AudioTrackTests
{
    [Fact]
    public async Task When_the_default_track_comes_second_it_is_the_main_audio_and_the_first_is_an_alternate_rendition()
    {
        await using var harness = await WorkerHarness.StartAsync();
        var (mediaId, result) = await harness.RunAsync(await Clips.CommentaryFirst);
        var prefix = $"media/{mediaId:D}/";

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(
            ["hls/180p/index.m3u8", "hls/audio-2/index.m3u8", "hls/audio/index.m3u8", "hls/master.m3u8", "manifest.json", "poster.jpg", "storyboard.jpg", "storyboard.vtt", "waveform.dat", "waveform.json"],
            harness.Outputs(mediaId).Where(o => !o.EndsWith(".ts", StringComparison.Ordinal)));
        Assert.Equal(
            [new Rendition { Name = "180p", Width = 320, Height = 180, VideoBitrateKbps = 600, PlaylistKey = prefix + "hls/180p/index.m3u8" },
             new Rendition { Name = "audio", AudioBitrateKbps = 128, PlaylistKey = prefix + "hls/audio/index.m3u8", Label = "English", Language = "en", IsDefault = true },
             new Rendition { Name = "audio-2", AudioBitrateKbps = 128, PlaylistKey = prefix + "hls/audio-2/index.m3u8", Label = "Commentary", Language = "fr", IsDefault = false }],
            result.Outputs!.Renditions);

        var master = await File.ReadAllLinesAsync(harness.OutputPath(mediaId, "hls/master.m3u8"));
        Assert.Equal(
            ["#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"group_audio\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio/index.m3u8\"",
             "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"group_audio\",NAME=\"Commentary\",LANGUAGE=\"fr\",DEFAULT=NO,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio-2/index.m3u8\""],
            master.Where(l => l.StartsWith("#EXT-X-MEDIA:", StringComparison.Ordinal)));
        var variant = Assert.Single(master, l => l.StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal));
        Assert.Contains("AUDIO=\"group_audio\"", variant);
        Assert.Matches("CODECS=\"avc1\\.[0-9a-f]+,mp4a\\.40\\.2\"", variant);

        var videoSegment = Hls.Segments(harness.OutputPath(mediaId, "hls/180p/index.m3u8"))[0].Uri;
        Assert.Equal(["video"], await Hls.StreamTypesAsync(harness.OutputPath(mediaId, "hls/180p/" + videoSegment)));
        Assert.InRange((await Measure.VolumeAsync(harness.OutputPath(mediaId, "hls/audio/index.m3u8"))).Max, -25, 0);
        Assert.True((await Measure.VolumeAsync(harness.OutputPath(mediaId, "hls/audio-2/index.m3u8"))).Max < -80, "the commentary track is silent");
        Assert.True(await WaveformPeakAsync(harness.OutputPath(mediaId, "waveform.json")) >= 8, "the waveform is drawn from the audible main track");
        Assert.Empty(HlsOutputValidator.Validate(harness.OutputPath(mediaId, ""), prefix, result.Outputs.DurationSeconds));
    }

    /// <summary>
    /// A sine at amplitude 0.2 on every channel plays, downmixed by ITU-R BS.775 (L = FL + 0.707·FC + 0.707 per surround
    /// pair member), at 0.2 · (1 + 0.707 · 2) = -6.3 dBFS from 5.1 and 0.2 · (1 + 0.707 · 3) = -4.1 dBFS from 7.1; mono
    /// is copied to both sides, at its own 0.2 = -14.0 dBFS.
    /// </summary>
    [Theory]
    [InlineData("mono", -14.0)]
    [InlineData("5.1", -6.3)]
    [InlineData("7.1", -4.1)]
    public async Task When_a_mono_or_surround_source_is_transcoded_it_plays_at_player_levels_and_the_waveform_peaks_there(string layout, double expectedDb)
    {
        await using var harness = await WorkerHarness.StartAsync();
        var (mediaId, result) = await harness.RunAsync(await Clips.SineOnEveryChannel(layout));
        Assert.True(result.Succeeded, result.Error?.Message);

        var plays = (await Measure.VolumeAsync(harness.OutputPath(mediaId, "hls/audio/index.m3u8"))).Max;
        var drawn = 20 * Math.Log10(await WaveformPeakAsync(harness.OutputPath(mediaId, "waveform.json")) / 128.0);

        Assert.InRange(plays, expectedDb - 1, expectedDb + 1);
        Assert.InRange(drawn, plays - 1, plays + 1);
    }

    /// <summary>The largest absolute 8-bit value in waveform.json's min/max data.</summary>
    private static async Task<int> WaveformPeakAsync(string path)
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        return json.RootElement.GetProperty("data").EnumerateArray().Max(v => Math.Abs(v.GetInt32()));
    }
}
