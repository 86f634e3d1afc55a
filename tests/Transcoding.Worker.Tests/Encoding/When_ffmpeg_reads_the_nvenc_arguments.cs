using System.Text.RegularExpressions;
using Transcoding.Worker.Encoding;
using Transcoding.Worker.Ladder;
using Transcoding.Worker.Probing;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Encoding;

/// <summary>
/// The NVENC path cannot run here (no GPU), so this machine's ffmpeg (Debian's 5.1) checks the worker's h264_nvenc
/// arguments as far as it can without one: every option is one it offers that encoder, and opening the encoder with
/// them gets as far as loading the driver. The real encode runs in <c>gpu-image/check.sh</c> on a GPU.
/// </summary>
public sealed partial class When_ffmpeg_reads_the_nvenc_arguments
{
    private static readonly PlannedRung[] TwoRungs = [new("720p", 1280, 720, 2500), new("360p", 640, 360, 600)];

    /// <summary>
    /// The encoder part of the ladder's command line (<c>-c:v</c> to <c>-force_key_frames</c> and its value): frames on
    /// the GPU for an h264 source, in system memory for a ProRes one (NVDEC cannot decode it).
    /// </summary>
    private static List<string> EncoderArguments(string sourceCodec, IReadOnlyList<PlannedRung> rungs)
    {
        var args = FfmpegArguments.Hls(new HlsEncodeRequest(
            "/w/source", "/w/out/hls", new MediaProbe(new VideoStreamInfo(0, sourceCodec, 1920, 1080, 0, 1, 30), null, 10),
            rungs, VideoEncoder.H264Nvenc, new WorkerOptions().EncodeSettings)).ToList();
        var start = args.IndexOf("-c:v");
        return args[start..(args.IndexOf("-force_key_frames") + 2)];
    }

    [FfmpegFact]
    public async Task Every_option_name_is_one_ffmpeg_lists_for_h264_nvenc()
    {
        var full = await Tool.OutputAsync("ffmpeg", "-hide_banner", "-h", "full");
        var codecContext = full[full.IndexOf("\nAVCodecContext AVOptions:\n", StringComparison.Ordinal)..];
        codecContext = codecContext[..codecContext.IndexOf("\n\n", 1, StringComparison.Ordinal)];
        // h264_nvenc's own options, the options of every video encoder, and ffmpeg's per-stream command-line options.
        var offered = PrivateOption().Matches(await Tool.OutputAsync("ffmpeg", "-hide_banner", "-h", "encoder=h264_nvenc"))
            .Concat(VideoEncoderOption().Matches(codecContext))
            .Concat(CommandLineOption().Matches(full[..full.IndexOf("AVOptions:", StringComparison.Ordinal)]))
            .Select(match => match.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        var used = new[] { "h264", "prores" }
            .SelectMany(codec => EncoderArguments(codec, TwoRungs).Where((_, i) => i % 2 == 0))
            .Select(option => option.TrimStart('-').Split(':')[0])
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("cq", used);
        Assert.Contains("rc-lookahead", used);
        Assert.Empty(used.Except(offered));
    }

    [FfmpegFact]
    public async Task Opening_h264_nvenc_with_them_fails_only_for_want_of_a_gpu()
    {
        // One rung: stream specifiers v:1 and up would name no stream of this one-stream output.
        var result = await Tool.RunAsync(
            "ffmpeg",
            ["-hide_banner", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=0.5", "-map", "0:v",
                .. EncoderArguments("prores", TwoRungs[..1]), "-f", "null", "-"]);

        // ffmpeg sets every option on the encoder (a name it lacks or a value out of range fails here) before the
        // encoder loads the driver; with a GPU the encode simply succeeds.
        Assert.DoesNotContain("Error setting option", result.StandardError);
        Assert.DoesNotContain("Unrecognized option", result.StandardError);
        Assert.True(
            result.ExitCode == 0 || result.StandardError.Contains("Error while opening encoder", StringComparison.Ordinal),
            $"ffmpeg exited {result.ExitCode}: {result.StandardError}");
    }

    [GeneratedRegex(@"^  -(\S+)\s+<", RegexOptions.Multiline)]
    private static partial Regex PrivateOption();

    [GeneratedRegex(@"^  -(\S+)\s+<\w+>\s+E\.\.V", RegexOptions.Multiline)]
    private static partial Regex VideoEncoderOption();

    [GeneratedRegex(@"^-(\S+) ", RegexOptions.Multiline)]
    private static partial Regex CommandLineOption();
}
