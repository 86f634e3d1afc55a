using System.Globalization;
using System.Text.RegularExpressions;
using CliWrap;
using Microsoft.Extensions.Options;
using Transcoding.Contracts;
using Transcoding.Worker.Conditioning;
using Transcoding.Worker.Encoding;
using Transcoding.Worker.Ladder;
using Transcoding.Worker.Probing;
using Transcoding.Worker.Tests.Support;
using Transcoding.Worker.Waveforms;

namespace Transcoding.Worker.Tests.Jobs;

/// <summary>
/// Issue 16: the ladder, poster, storyboard and waveform come out of one ffmpeg process, and each is what it was when
/// it had a decode of its own; the storyboard is what thumbnail plugins read.
/// </summary>
public sealed partial class When_a_video_is_decoded_once_for_every_output(StoryboardedVideo video) : IClassFixture<StoryboardedVideo>
{
    [Fact]
    public void Ffmpeg_runs_once_for_ladder_poster_storyboard_and_waveform()
    {
        Assert.True(video.Result.Succeeded, video.Result.Error?.Message);

        var command = Assert.Single(video.Ffmpeg.Commands);
        Assert.Contains(" -f hls ", command);
        Assert.Contains("/poster.jpg ", command);
        Assert.Contains("/storyboard.jpg ", command);
        Assert.EndsWith(" -f s16le -acodec pcm_s16le pipe:1", command);
    }

    [Fact]
    public void The_storyboard_and_poster_are_uploaded_and_listed_in_the_manifest()
    {
        var prefix = $"media/{video.MediaId:D}/";

        Assert.Equal(
            ["hls/180p/index.m3u8", "hls/master.m3u8", "manifest.json", "poster.jpg", "storyboard.jpg", "storyboard.vtt", "waveform.dat", "waveform.json"],
            video.Harness.Outputs(video.MediaId).Where(o => !o.EndsWith(".ts", StringComparison.Ordinal)));
        Assert.Equal(
            new StoryboardOutput { ImageKey = prefix + "storyboard.jpg", VttKey = prefix + "storyboard.vtt", IntervalSeconds = 3, TileWidth = 160, TileHeight = 90, Columns = 3, TileCount = 4 },
            video.Result.Outputs!.Storyboard);
        Assert.Equal(prefix + "poster.jpg", video.Result.Outputs.PosterKey);
    }

    [Fact]
    public async Task The_storyboard_vtt_parses_and_its_cues_run_from_0_to_the_end_each_inside_the_sprite()
    {
        var (spriteWidth, spriteHeight) = await Hls.VideoSizeAsync(video.Output("storyboard.jpg"));
        var cues = ParseVtt(File.ReadAllText(video.Output("storyboard.vtt")));

        Assert.Equal((480, 180), (spriteWidth, spriteHeight));
        Assert.Equal(4, cues.Count);
        Assert.Equal(0, cues[0].Start);
        for (var i = 1; i < cues.Count; i++)
        {
            Assert.Equal(cues[i - 1].End, cues[i].Start);
        }

        Assert.All(cues, cue => Assert.True(cue.End > cue.Start, $"{cue.Start} --> {cue.End} is empty"));
        Assert.InRange(cues[^1].End, await Hls.DurationAsync(video.Source) - 0.001, video.Result.Outputs!.DurationSeconds + 0.001);
        Assert.All(cues, cue => Assert.True(
            cue is { X: >= 0, Y: >= 0, Width: > 0, Height: > 0 } && cue.X + cue.Width <= spriteWidth && cue.Y + cue.Height <= spriteHeight,
            $"#xywh={cue.X},{cue.Y},{cue.Width},{cue.Height} is not inside the {spriteWidth}x{spriteHeight} sprite"));
        Assert.Equal(cues.Count, cues.Select(cue => (cue.X, cue.Y)).Distinct().Count());
    }

    [Fact]
    public async Task The_ladder_has_the_rungs_segments_and_key_frames_of_a_ladder_only_run()
    {
        var alone = Directory.CreateTempSubdirectory("ladder-alone-").FullName;
        try
        {
            var tools = new MediaToolRunner(Options.Create(new WorkerOptions()));
            var probe = FfprobeParser.Parse(await tools.ProbeAsync(FfmpegArguments.Ffprobe(video.Source), CancellationToken.None));
            var settings = new WorkerOptions { Preset = "ultrafast", SegmentSeconds = 1 };
            var rungs = new LadderPlanner(settings.EffectiveLadder).Plan(probe.Video!);
            await tools.RunFfmpegAsync(
                FfmpegArguments.Hls(new HlsEncodeRequest(video.Source, alone, probe, rungs, VideoEncoder.Libx264, settings.EncodeSettings, VideoConditioningPlanner.Plan(probe, null, settings.MaxFramesPerSecond))),
                null,
                CancellationToken.None);

            var rung = Assert.Single(rungs).Name;
            var ours = Hls.Segments(video.Output($"hls/{rung}/index.m3u8"));
            var theirs = Hls.Segments(Path.Combine(alone, rung, "index.m3u8"));
            Assert.Equal(theirs.Select(s => (s.Uri, s.Duration)), ours.Select(s => (s.Uri, s.Duration)));
            foreach (var segment in ours)
            {
                // Every video packet at the same instant and a key frame where the other has one: the same alignment.
                Assert.Equal(await VideoPacketsAsync(Path.Combine(alone, rung, segment.Uri)), await VideoPacketsAsync(video.Output($"hls/{rung}/{segment.Uri}")));
            }
        }
        finally
        {
            Directory.Delete(alone, recursive: true);
        }
    }

    [Fact]
    public async Task The_waveform_is_value_for_value_what_a_decode_of_its_own_gives()
    {
        // The command the worker ran for the waveform before issue 16: the main track's mean stereo as raw PCM on stdout.
        var audio = FfprobeParser.Parse(await new MediaToolRunner(Options.Create(new WorkerOptions())).ProbeAsync(FfmpegArguments.Ffprobe(video.Source), CancellationToken.None)).Audio!;
        var separate = new WaveformAccumulator(256);
        await Cli.Wrap("ffmpeg")
            .WithArguments(["-hide_banner", "-nostdin", "-v", "error", "-i", video.Source, "-map", $"0:{audio.Index}", "-af", AudioDownmix.Mono(audio), "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"])
            .WithStandardOutputPipe(PipeTarget.Create(async (pcm, ct) =>
            {
                var buffer = new byte[65536];
                int read;
                while ((read = await pcm.ReadAsync(buffer, ct)) > 0)
                {
                    separate.Add(buffer.AsSpan(0, read));
                }
            }))
            .ExecuteBoundAsync();

        var dat = File.ReadAllBytes(video.Output("waveform.dat"));
        Assert.Equal(separate.Complete(48000).MinMax, dat[24..].Select(b => (sbyte)b).ToArray());
    }

    /// <summary>Each video packet's pts and flags (K_ for a key frame), one per line, as ffprobe gives them.</summary>
    private static Task<string> VideoPacketsAsync(string segment) =>
        Tool.OutputAsync("ffprobe", "-v", "error", "-select_streams", "v", "-show_entries", "packet=pts,flags", "-of", "csv=p=0", segment);

    private sealed record Cue(double Start, double End, int X, int Y, int Width, int Height);

    /// <summary>A strict reader of what the worker writes: "WEBVTT", then cues of a timing line and one fragment line, each after a blank line.</summary>
    private static List<Cue> ParseVtt(string text)
    {
        var lines = text.Split('\n');
        Assert.Equal("WEBVTT", lines[0]);
        Assert.Equal("", lines[^1]);
        var cues = new List<Cue>();
        for (var i = 1; i < lines.Length - 1; i += 3)
        {
            Assert.Equal("", lines[i]);
            var timing = Timing().Match(lines[i + 1]);
            var fragment = Fragment().Match(lines[i + 2]);
            Assert.True(timing.Success, $"not a cue timing line: '{lines[i + 1]}'");
            Assert.True(fragment.Success, $"not a storyboard.jpg#xywh= line: '{lines[i + 2]}'");
            int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
            cues.Add(new Cue(Seconds(timing, "s"), Seconds(timing, "e"), Number(fragment, "x"), Number(fragment, "y"), Number(fragment, "w"), Number(fragment, "h")));
        }

        return cues;
    }

    private static double Seconds(Match timing, string side) =>
        int.Parse(timing.Groups[side + "h"].Value, CultureInfo.InvariantCulture) * 3600
        + int.Parse(timing.Groups[side + "m"].Value, CultureInfo.InvariantCulture) * 60
        + double.Parse(timing.Groups[side + "s"].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<sh>\d{2,}):(?<sm>[0-5]\d):(?<ss>[0-5]\d\.\d{3}) --> (?<eh>\d{2,}):(?<em>[0-5]\d):(?<es>[0-5]\d\.\d{3})$")]
    private static partial Regex Timing();

    [GeneratedRegex(@"^storyboard\.jpg#xywh=(?<x>\d+),(?<y>\d+),(?<w>\d+),(?<h>\d+)$")]
    private static partial Regex Fragment();
}
