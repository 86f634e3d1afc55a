using System.Text.Json;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Corpus;

/// <summary>
/// Issue 12's corpus, sound: audio running past the video (kind 3), several tracks (4), and the audio that already
/// passes (surround, cover art).
/// </summary>
public sealed class AudioCorpusTests
{
    private static readonly Dictionary<string, CorpusKind> Kinds = new()
    {
        // Kind 3: 2 s of video under 5 s of audio, and a single picture under 3 s of audio.
        ["audio-longer-than-video"] = new(() => Clips.AudioLongerThanVideo, job => WholeProgram(job, 5)),
        ["one-frame-with-audio"] = new(() => Clips.Recipe("one-frame-with-audio.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=0.04", "-f", "lavfi", "-i", "sine=f=440:d=3",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"), job => WholeProgram(job, 3)),

        // Kind 4: a silent, non-default first track titled "Commentary" and an audible default second one.
        ["several-audio-tracks"] = new(() => Clips.Recipe("tracks.mkv", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=3", "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo",
            "-f", "lavfi", "-i", "sine=f=440:d=3:sample_rate=48000", "-map", "0:v", "-map", "1:a", "-map", "2:a", "-t", "3",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
            "-metadata:s:a:0", "title=Commentary", "-metadata:s:a:0", "language=fra", "-metadata:s:a:1", "language=eng",
            "-disposition:a:0", "0", "-disposition:a:1", "default"), DefaultTrackAndAlternates),

        ["surround-5.1"] = new(() => Surround("5.1", 6), StereoAac),
        ["surround-7.1"] = new(() => Surround("7.1", 8), StereoAac),

        // An MP3 with its album cover as an attached picture: audio only, the picture is no video.
        ["cover-art-mp3"] = new(() => Clips.Recipe("cover-art.mp3", "-f", "lavfi", "-i", "sine=f=440:d=3", "-f", "lavfi", "-i", "testsrc2=s=200x200:d=0.04",
            "-map", "0", "-map", "1", "-c:a", "libmp3lame", "-c:v", "mjpeg", "-disposition:v", "attached_pic", "-id3v2_version", "3"), AudioOnly),
    };

    public static TheoryData<string> Names => new(Kinds.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public Task When_an_upload_with_this_audio_is_transcoded_it_has_its_right_value(string kind) => Kinds[kind].RunAsync();

    /// <summary>2 s of the pattern with the same sine on every channel of <paramref name="layout"/>.</summary>
    private static Task<string> Surround(string layout, int channels) => Clips.Recipe($"surround-{layout}.mp4",
        "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=2", "-f", "lavfi", "-i", "sine=f=440:d=2:sample_rate=48000",
        "-af", $"pan={layout}|" + string.Join('|', Enumerable.Range(0, channels).Select(c => $"c{c}=c0")),
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");

    /// <summary>
    /// Playlists, manifest and content cover the whole program, the last picture held: every playlist's EXTINF sum
    /// (the validator, against the program), the manifest's duration and each stream of the segments within half a
    /// second of it.
    /// </summary>
    private static async Task WholeProgram(CorpusJob job, double seconds)
    {
        job.AssertReady(seconds);
        Assert.Equal(seconds, job.Outputs.DurationSeconds, 0.5);
        foreach (var playlist in job.VariantPlaylists)
        {
            var (video, audio) = (await Hls.StreamDurationAsync(playlist, "v:0"), await Hls.StreamDurationAsync(playlist, "a:0"));
            Assert.True(Math.Abs(video - seconds) <= 0.5 && Math.Abs(audio - seconds) <= 0.5, $"{playlist}: video {video:0.###} s, audio {audio:0.###} s of {seconds} s");
        }
    }

    /// <summary>
    /// The default track plays (audible, not the silent first one) and draws the waveform; every track is an
    /// alternate rendition as ../shared/conventions.md lays them out: one EXT-X-MEDIA audio group, the default at
    /// hls/audio/, the others at hls/audio-{n}/ in source order, NAME on each, LANGUAGE as tagged, DEFAULT=YES on the
    /// default, and video rungs without audio of their own that point at the group.
    /// </summary>
    private static async Task DefaultTrackAndAlternates(CorpusJob job)
    {
        job.AssertReady(3);
        var master = File.ReadAllText(job.MasterPath);
        var media = master.Split('\n').Where(l => l.StartsWith("#EXT-X-MEDIA:", StringComparison.Ordinal)).Select(Attributes).ToList();
        // LANGUAGE as RFC 5646 (RFC 8216 4.3.4.1): ffprobe's eng/fra become en/fr.
        Assert.Equal(
            [("AUDIO", "YES", "en", "audio/index.m3u8"), ("AUDIO", "NO", "fr", "audio-2/index.m3u8")],
            media.Select(m => (m.GetValueOrDefault("TYPE"), m.GetValueOrDefault("DEFAULT") ?? "NO", m.GetValueOrDefault("LANGUAGE"), m.GetValueOrDefault("URI"))));
        Assert.Single(media.Select(m => m.GetValueOrDefault("GROUP-ID")).Distinct());
        Assert.All(media, m => Assert.False(string.IsNullOrEmpty(m.GetValueOrDefault("NAME"))));
        Assert.Equal("Commentary", media[1]["NAME"]);
        foreach (var variant in job.Variants)
        {
            Assert.Equal(media[0]["GROUP-ID"], variant.Attributes.GetValueOrDefault("AUDIO"));
            Assert.Equal(["video"], await Hls.StreamTypesAsync(CorpusJob.SegmentPaths(job.Output("hls/" + variant.Uri)).First()));
        }

        var (main, commentary) = ((await Measure.VolumeAsync(job.Output("hls/audio/index.m3u8"))).Mean, (await Measure.VolumeAsync(job.Output("hls/audio-2/index.m3u8"))).Mean);
        Assert.True(main > -50 && commentary < -80, $"mean volume: default track {main} dB, commentary {commentary} dB");
        using var waveform = JsonDocument.Parse(File.ReadAllText(job.Output("waveform.json")));
        var peak = waveform.RootElement.GetProperty("data").EnumerateArray().Max(v => Math.Abs(v.GetInt32()));
        var fullScale = waveform.RootElement.GetProperty("bits").GetInt32() == 8 ? 128 : 32768;
        Assert.True(peak > 0.05 * fullScale, $"waveform peak {peak} of {fullScale}: flat");
    }

    /// <summary>A surround source plays as stereo AAC, audible.</summary>
    private static async Task StereoAac(CorpusJob job)
    {
        job.AssertReady(2);
        var playlist = job.VideoRungs.Single().Playlist;
        var audio = await Hls.StreamAsync(CorpusJob.SegmentPaths(playlist).First(), "a:0");
        Assert.Equal(("aac", "2"), (audio.GetValueOrDefault("codec_name"), audio.GetValueOrDefault("channels")));
        Assert.True((await Measure.VolumeAsync(playlist)).Mean > -50);
    }

    private static async Task AudioOnly(CorpusJob job)
    {
        job.AssertReady(3);
        var rendition = Assert.Single(job.Outputs.Renditions);
        Assert.Equal(("audio", null, null), (rendition.Name, rendition.Width, rendition.Height));
        Assert.Null(job.Outputs.PosterKey);
        Assert.Equal(["audio"], await Hls.StreamTypesAsync(CorpusJob.SegmentPaths(job.Output("hls/audio/index.m3u8")).First()));
    }

    /// <summary>An EXT-X-MEDIA line's attributes, quoted values unquoted (names and URIs here hold no comma).</summary>
    private static Dictionary<string, string> Attributes(string line) => line["#EXT-X-MEDIA:".Length..].Trim().Split(',')
        .Select(pair => pair.Split('=', 2)).Where(pair => pair.Length == 2)
        .ToDictionary(pair => pair[0], pair => pair[1].Trim('"'));
}
