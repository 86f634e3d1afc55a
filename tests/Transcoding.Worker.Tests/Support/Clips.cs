namespace Transcoding.Worker.Tests.Support;

/// <summary>Tiny generated sources (mostly testsrc2 + sine), made once per test run and shared; the corpus's recipes too.</summary>
public static class Clips
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("worker-clips-").FullName;
    private static readonly Dictionary<string, Lazy<Task<string>>> Made = [];

    /// <summary>854x480, 30 fps, 3 s, H.264 + AAC: the default ladder gives 480p and 360p.</summary>
    public static Task<string> VideoWithAudio => Make("video-audio.mp4", path => Ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=s=854x480:r=30:d=3", "-f", "lavfi", "-i", "sine=f=440:d=3:sample_rate=48000",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path));

    public static Task<string> VideoWithoutAudio => Make("video-only.mp4", path => Ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=s=640x360:r=25:d=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path));

    /// <summary>640x360 stored with a 90° display matrix (set on a stream copy: encoding drops it), shown as 360x640.</summary>
    public static Task<string> Rotated => Make("rotated.mp4", async path =>
    {
        var stored = Scratch("rotated-stored.mp4");
        await Ffmpeg(
            "-f", "lavfi", "-i", "testsrc2=s=640x360:r=25:d=2", "-f", "lavfi", "-i", "sine=f=330:d=2",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", stored);
        await Ffmpeg("-i", stored, "-c", "copy", "-metadata:s:v:0", "rotate=90", path);
    });

    public static Task<string> AudioOnly => Make("audio-only.mp3", path => Ffmpeg(
        "-f", "lavfi", "-i", "sine=f=220:d=3:sample_rate=44100", "-c:a", "libmp3lame", "-b:a", "96k", path));

    /// <summary>320x180 testsrc2 + sine of <paramref name="seconds"/> (0.5 s and 3.5 s give ffmpeg a TARGETDURATION below a segment).</summary>
    public static Task<string> ShortClip(double seconds) => Make($"short-{seconds:0.0}.mp4", path => Ffmpeg(
        "-f", "lavfi", "-i", $"testsrc2=s=320x180:r=30:d={seconds:0.0}", "-f", "lavfi", "-i", $"sine=f=440:d={seconds:0.0}",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path));

    /// <summary>A single frame (issue 12 kind 5): the poster's seek to a tenth of the duration lands past it.</summary>
    public static Task<string> OneFrame => Make("one-frame.mp4", path => Ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25", "-frames:v", "1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path));

    /// <summary>640x360 at 60 fps, 3 s, with audio: busy enough that a segment runs above ffmpeg's BANDWIDTH (kind 10).</summary>
    public static Task<string> Sixty => Make("sixty.mp4", path => Ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=s=640x360:r=60:d=3", "-f", "lavfi", "-i", "sine=f=440:d=3:sample_rate=48000",
        "-c:v", "libx264", "-preset", "ultrafast", "-crf", "10", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path));

    /// <summary>2 s of video and 5 s of audio (kind 3): the playlists cover 2 s of a 5 s program.</summary>
    public static Task<string> AudioLongerThanVideo => Make("audio-longer.mp4", path => Ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=2", "-f", "lavfi", "-i", "sine=f=440:d=5",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", path));

    /// <summary>A WAV header and no samples (issue 12 kind 7): ffprobe lists the stream and gives it no duration.</summary>
    public static Task<string> EmptyAudio => Make("empty-audio.wav", path => Ffmpeg(
        "-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono", "-t", "0", "-c:a", "pcm_s16le", path));

    /// <summary>An AVI with a video stream and no frames (kind 7; an MP4 without frames has no stream at all).</summary>
    public static Task<string> EmptyVideo => Make("empty-video.avi", path => Ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-frames:v", "0", "-c:v", "libx264", "-pix_fmt", "yuv420p", path));

    /// <summary>
    /// 320x240 at 25 fps with a sine, 6 s (kind 8's recipe): an MP4 with its index first (<c>faststart</c>) or last,
    /// or a stream copy to Matroska.
    /// </summary>
    public static Task<string> SixSeconds(string container) => Make($"six-seconds-{container}", async path =>
    {
        var mp4 = container == "mkv" ? Scratch("six-seconds-for-mkv.mp4") : path;
        await Ffmpeg(
            "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=6", "-f", "lavfi", "-i", "sine=duration=6",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
            "-movflags", container == "mp4-faststart" ? "+faststart" : "-faststart", "-f", "mp4", mp4);
        if (container == "mkv")
        {
            await Ffmpeg("-i", mp4, "-c", "copy", "-f", "matroska", path);
        }
    });

    /// <summary>The first 60 % of the bytes of <see cref="SixSeconds"/> (kind 8): an upload cut short.</summary>
    public static Task<string> Truncated(string container) => Make($"truncated-{container}", async path =>
    {
        var whole = await File.ReadAllBytesAsync(await SixSeconds(container));
        await File.WriteAllBytesAsync(path, whole[..(whole.Length * 6 / 10)]);
    });

    /// <summary>
    /// 320x180, 3 s, in Matroska with two audio tracks (issue 12 kind 4): first a silent stereo track titled
    /// "Commentary" in French, not default; then an audible sine in English, the default.
    /// </summary>
    public static Task<string> CommentaryFirst => Make("commentary-first.mkv", path => Ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=3", "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo:d=3",
        "-f", "lavfi", "-i", "sine=f=440:d=3:sample_rate=48000",
        "-map", "0:v", "-map", "1:a", "-map", "2:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
        "-metadata:s:a:0", "title=Commentary", "-metadata:s:a:0", "language=fra", "-metadata:s:a:1", "language=eng",
        "-disposition:a:0", "0", "-disposition:a:1", "default", "-shortest", path));

    /// <summary>The two audio tracks of <see cref="CommentaryFirst"/> without its video, in Matroska audio.</summary>
    public static Task<string> CommentaryFirstAudioOnly => Make("commentary-first.mka", async path =>
        await Ffmpeg("-i", await CommentaryFirst, "-map", "0:a", "-c", "copy", path));

    /// <summary>
    /// 3 s of audio only, PCM in WAV, in <paramref name="layout"/> (<c>mono</c>, <c>5.1</c>, <c>7.1</c>): the same 440 Hz
    /// sine at amplitude 0.2 on every channel.
    /// </summary>
    public static Task<string> SineOnEveryChannel(string layout) => Make($"sine-{layout}.wav", path =>
    {
        var channels = layout switch { "mono" => 1, "7.1" => 8, _ => 6 };
        var sine = string.Join('|', Enumerable.Repeat("0.2*sin(2*PI*440*t)", channels));
        return Ffmpeg("-f", "lavfi", "-i", $"aevalsrc={sine}:c={layout}:s=48000:d=3", "-c:a", "pcm_s16le", path);
    });

    /// <summary>Text that only pretends to be an MP4.</summary>
    public static Task<string> Corrupt => Make("corrupt.mp4", path => File.WriteAllTextAsync(path, "this is not a video, only text with a video's name\n"));

    public static Task<string> Empty => Make("empty.mp4", path => File.WriteAllTextAsync(path, ""));

    /// <summary>A clip made by one ffmpeg run: <paramref name="arguments"/> then the clip's path as the output.</summary>
    public static Task<string> Recipe(string name, params string[] arguments) => Make(name, path => Ffmpeg([.. arguments, path]));

    private static Task Ffmpeg(params string[] arguments) => Tool.OutputAsync("ffmpeg", ["-v", "error", "-y", .. arguments]);

    /// <summary>A path for an intermediate file of a clip's recipe, in the clips' folder.</summary>
    public static string Scratch(string name) => Path.Combine(Folder, name);

    /// <summary>The clip <paramref name="name"/>, written once by <paramref name="write"/> (given its path) and shared.</summary>
    public static Task<string> Make(string name, Func<string, Task> write)
    {
        lock (Made)
        {
            if (!Made.TryGetValue(name, out var clip))
            {
                clip = new Lazy<Task<string>>(async () =>
                {
                    var path = Path.Combine(Folder, name);
                    await write(path);
                    return path;
                });
                Made[name] = clip;
            }

            return clip.Value;
        }
    }
}
