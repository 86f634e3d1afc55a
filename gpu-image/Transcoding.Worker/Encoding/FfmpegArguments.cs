using System.Globalization;
using Transcoding.Shared.Storage;
using Transcoding.Worker.Conditioning;
using Transcoding.Worker.Ladder;
using Transcoding.Worker.Probing;

namespace Transcoding.Worker.Encoding;

/// <summary>Every ffprobe/ffmpeg command line the worker runs, built as argument lists (no shell quoting involved).</summary>
public static partial class FfmpegArguments
{
    /// <summary>Codecs NVDEC decodes on every GPU generation RunPod offers; others are decoded on the CPU.</summary>
    private static readonly HashSet<string> NvdecCodecs = ["h264", "hevc", "mpeg2video", "vp9"];

    private static readonly string[] Common = ["-hide_banner", "-nostdin", "-y", "-v", "error"];

    /// <summary>Frames <c>idet</c> looks at: several seconds, so a static opening does not outvote the rest.</summary>
    private const int InterlaceDetectionFrames = 200;

    /// <summary>Format and streams as JSON, with each stream's packets counted (see <see cref="FfprobeParser"/> for why).</summary>
    public static IReadOnlyList<string> Ffprobe(string inputPath) =>
        ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-count_packets", "-show_optional_fields", "always", inputPath];

    /// <summary>
    /// One decode feeding every rung: <c>split</c> then one scaler per rung, all variants in one HLS muxer with a
    /// master playlist. Key frames are forced on segment boundaries and scene-cut key frames are off, so every
    /// rung's segments start at the same instants and players can switch at any boundary.
    /// </summary>
    public static IReadOnlyList<string> Hls(HlsEncodeRequest request)
    {
        var probe = request.Probe;
        var settings = request.Settings;
        var video = probe.Video;
        var audio = probe.Audio;
        var conditioning = request.Conditioning ?? VideoConditioning.None;
        var gpuFrames = video is not null && KeepsFramesOnGpu(request.Encoder, video, conditioning);

        var args = new List<string>(Common) { "-nostats", "-progress", "pipe:1" };
        if (gpuFrames)
        {
            args.AddRange(["-hwaccel", "cuda", "-hwaccel_output_format", "cuda"]);
        }
        else if (video is not null && DecodesOnGpu(request.Encoder, video))
        {
            // NVDEC still decodes; ffmpeg copies each frame to system memory for the CPU filters.
            args.AddRange(["-hwaccel", "cuda"]);
        }

        args.AddRange(["-i", request.InputPath]);

        // a:{k} counts audio outputs in the order they are mapped; each one gets its source track's downmix below.
        var variants = new List<string>();
        var audioOutputs = new List<AudioStreamInfo>();
        var group = request.AudioGroup ? $",agroup:{AudioRendition.GroupName}" : "";
        if (video is not null)
        {
            args.AddRange(["-filter_complex", LadderFilter(video, request.Rungs, conditioning, gpuFrames)]);
            for (var i = 0; i < request.Rungs.Count; i++)
            {
                args.AddRange(["-map", $"[v{i}]"]);
                if (audio is not null && !request.AudioGroup)
                {
                    args.AddRange(["-map", $"0:{audio.Index}"]);
                    variants.Add($"v:{i},a:{audioOutputs.Count},name:{request.Rungs[i].Name}");
                    audioOutputs.Add(audio);
                }
                else
                {
                    variants.Add($"v:{i}{group},name:{request.Rungs[i].Name}");
                }
            }

            args.AddRange(VideoCodec(request, video, conditioning, gpuFrames));
        }

        foreach (var rendition in request.AudioPlaylists)
        {
            args.AddRange(["-map", $"0:{rendition.Stream.Index}"]);
            variants.Add($"a:{audioOutputs.Count}{group}{(request.AudioGroup && rendition.IsDefault ? ",default:yes" : "")},name:{rendition.Name}");
            audioOutputs.Add(rendition.Stream);
        }

        if (audio is not null)
        {
            args.AddRange(["-c:a", "aac", "-b:a", $"{settings.AudioBitrateKbps}k", "-ac", Invariant(AudioRendition.Channels)]);
            for (var k = 0; k < audioOutputs.Count; k++)
            {
                var filters = new[] { AudioDownmix.Stereo(audioOutputs[k]), request.AudioGroup ? PadToProgram(audioOutputs[k], probe.DurationSeconds) : null }
                    .OfType<string>().ToList();
                if (filters.Count > 0)
                {
                    args.AddRange([$"-filter:a:{k}", string.Join(',', filters)]);
                }
            }
        }

        var output = request.OutputDirectory;
        args.AddRange(
        [
            "-f", "hls",
            "-hls_time", Invariant(settings.SegmentSeconds),
            "-hls_playlist_type", "vod",
            "-hls_flags", "independent_segments",
            "-hls_segment_type", "mpegts",
            "-hls_segment_filename", Path.Combine(output, "%v", "segment_%05d.ts"),
            "-master_pl_name", MediaKeys.MasterPlaylistName,
            "-var_stream_map", string.Join(' ', variants),
            Path.Combine(output, "%v", MediaKeys.PlaylistName),
        ]);
        return args;
    }

    /// <summary>
    /// A representative frame: seek to a tenth of the way in, then let <c>thumbnail</c> pick among the next frames.
    /// <paramref name="fromStart"/> skips the seek, for sources where it lands past the last frame (ffmpeg then exits 0
    /// without writing anything). The pictures get the ladder's deinterlacing and tone mapping, so the poster looks
    /// like what plays (an HDR poster straight from the source is washed out).
    /// </summary>
    public static IReadOnlyList<string> Poster(string inputPath, MediaProbe probe, PlannedRung size, string outputPath, bool fromStart = false, VideoConditioning? conditioning = null)
    {
        var pictures = (conditioning ?? VideoConditioning.None) with { FrameRate = null, HoldLastSeconds = 0 };
        var video = probe.Video ?? throw new ArgumentException("A poster needs a video stream.", nameof(probe));
        var args = new List<string>(Common);
        if (probe.DurationSeconds > 0 && !fromStart)
        {
            args.AddRange(["-ss", Invariant(Math.Round(probe.DurationSeconds * 0.1, 3))]);
        }

        args.AddRange(
        [
            "-i", inputPath,
            "-map", $"0:{video.Index}",
            "-vf", string.Join(',', ConditioningFilters(video, pictures, size).Append($"thumbnail=50,scale=w={size.Width}:h={size.Height},setsar=1")),
            "-frames:v", "1",
            "-q:v", "3",
            "-update", "1",
            outputPath,
        ]);
        return args;
    }

    /// <summary>
    /// <c>idet</c> over the first frames of the video, logging its summary at info level on stderr (read by
    /// <see cref="Conditioning.InterlaceDetection"/>).
    /// </summary>
    public static IReadOnlyList<string> InterlaceDetection(string inputPath, VideoStreamInfo video) =>
    [
        "-hide_banner", "-nostdin", "-nostats", "-v", "info", "-i", inputPath,
        "-map", $"0:{video.Index}", "-vf", "idet", "-frames:v", Invariant(InterlaceDetectionFrames), "-f", "null", "-",
    ];

    /// <summary>
    /// Reads every packet without decoding (disk speed) and reports the last <c>out_time</c> on stdout: the length of a
    /// source whose container does not state one, e.g. a WebM written to a pipe by a browser's MediaRecorder.
    /// </summary>
    public static IReadOnlyList<string> DemuxDuration(string inputPath) =>
        [.. Common, "-nostats", "-progress", "pipe:1", "-i", inputPath, "-map", "0:v?", "-map", "0:a?", "-c", "copy", "-f", "null", "-"];

    /// <summary>
    /// Raw signed 16-bit little-endian mono PCM on stdout, at the source's own sample rate: the mean of the stereo that
    /// plays (<see cref="AudioDownmix.Mono"/>).
    /// </summary>
    public static IReadOnlyList<string> WaveformPcm(string inputPath, AudioStreamInfo audio) =>
        [.. Common, "-i", inputPath, "-map", $"0:{audio.Index}", "-af", AudioDownmix.Mono(audio), "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"];

    /// <summary>The same as WAV on stdout, for <c>audiowaveform</c>, which cannot read MP4 itself.</summary>
    public static IReadOnlyList<string> WaveformWav(string inputPath, AudioStreamInfo audio) =>
        [.. Common, "-i", inputPath, "-map", $"0:{audio.Index}", "-af", AudioDownmix.Mono(audio), "-f", "wav", "-acodec", "pcm_s16le", "pipe:1"];

    /// <summary>
    /// A tiny real encode. For NVENC it also uploads to the GPU and scales there, so "works" means the whole GPU
    /// path works (driver, CUDA filters, encoder), not just that ffmpeg was built with it.
    /// </summary>
    public static IReadOnlyList<string> EncoderProbe(VideoEncoder encoder) => encoder switch
    {
        VideoEncoder.H264Nvenc =>
        [
            .. Common, "-f", "lavfi", "-i", "color=c=black:s=256x144:r=25:d=0.2",
            "-init_hw_device", "cuda=gpu", "-filter_hw_device", "gpu",
            "-vf", "format=nv12,hwupload_cuda,scale_cuda=w=128:h=72",
            "-c:v", VideoEncoderNames.H264Nvenc, "-f", "null", "-",
        ],
        _ => [.. Common, "-f", "lavfi", "-i", "color=c=black:s=256x144:r=25:d=0.2", "-c:v", VideoEncoderNames.Libx264, "-f", "null", "-"],
    };

    /// <summary>
    /// Silence after a track that ends before the program (a commentary that stops early): an alternate rendition's
    /// playlist must cover the whole program like the others, or players switching to it run out. Null when it does.
    /// </summary>
    private static string? PadToProgram(AudioStreamInfo track, double programSeconds) =>
        programSeconds > 0 && track.EndSeconds > 0 && track.EndSeconds < programSeconds - 0.05
            ? $"apad=whole_dur={Invariant(Math.Round(programSeconds, 3))}"
            : null;

    /// <summary>
    /// The GPU path decodes, scales and encodes on the GPU. Rotated sources (the rotation filter) and sources that need
    /// deinterlacing or tone mapping (CPU filters) are decoded by NVDEC into system memory; codecs NVDEC may not handle
    /// are decoded by the CPU.
    /// </summary>
    internal static bool KeepsFramesOnGpu(VideoEncoder encoder, VideoStreamInfo video, VideoConditioning conditioning) =>
        DecodesOnGpu(encoder, video) && video.Rotation == 0 && !conditioning.NeedsSystemMemory;

    private static bool DecodesOnGpu(VideoEncoder encoder, VideoStreamInfo video) =>
        encoder == VideoEncoder.H264Nvenc && NvdecCodecs.Contains(video.Codec);

    /// <summary>
    /// The source's conditioning (<see cref="ConditioningFilters"/>), then <c>split</c> into one scaler per rung.
    /// </summary>
    private static string LadderFilter(VideoStreamInfo video, IReadOnlyList<PlannedRung> rungs, VideoConditioning conditioning, bool gpuFrames)
    {
        var splits = string.Concat(Enumerable.Range(0, rungs.Count).Select(i => $"[s{i}]"));
        var scalers = rungs.Select((rung, i) => gpuFrames
            ? $"[s{i}]scale_cuda=w={rung.Width}:h={rung.Height}:format=nv12,setsar=1[v{i}]"
            : $"[s{i}]scale=w={rung.Width}:h={rung.Height},setsar=1[v{i}]");
        var chain = ConditioningFilters(video, conditioning, rungs[0]).Append($"split={rungs.Count}{splits}");
        return $"[0:{video.Index}]{string.Join(',', chain)};" + string.Join(';', scalers);
    }

    /// <summary>
    /// Deinterlace first (it needs the original fields; <c>bwdif</c> one frame per frame, so the rate is kept), then
    /// drop frames to the capped rate before the costly steps, then tone map, then hold the last picture. Tone mapping
    /// (zscale to linear light, Hable curve, back to BT.709) also scales to the top rung, so the float stage runs at
    /// that size rather than at the source's (4x fewer pixels for a 4K source and a 1080p ladder).
    /// </summary>
    private static IEnumerable<string> ConditioningFilters(VideoStreamInfo video, VideoConditioning conditioning, PlannedRung top)
    {
        if (conditioning.Deinterlace is { } parity)
        {
            // To 4:2:0 first, field by field (interl=1): bwdif on 4:2:2 chroma followed by the encoder's 4:2:0
            // conversion leaves the chroma combed (ffmpeg 5.1, measured with idet on each plane).
            yield return $"scale=interl=1,format={(HighBitDepth().IsMatch(video.PixelFormat ?? "") ? "yuv420p10le" : "yuv420p")}";
            yield return $"bwdif=mode=send_frame:parity={(parity == FieldParity.TopFirst ? "tff" : "bff")}:deint=all";
        }

        if (conditioning.FrameRate is { } rate)
        {
            yield return $"fps={rate}";
        }

        if (conditioning.ToneMaps)
        {
            var transfer = conditioning.DynamicRange == DynamicRange.Pq ? "smpte2084" : "arib-std-b67";
            yield return $"zscale=w={top.Width}:h={top.Height}:tin={transfer}:pin={ZscaleName(video.ColorPrimaries, "bt2020")}"
                + $":min={ZscaleName(video.ColorSpace, "bt2020nc")}:rin={ZscaleName(video.ColorRange, "tv")}:t=linear:npl=100";
            yield return "format=gbrpf32le";
            yield return "zscale=p=bt709";
            yield return "tonemap=tonemap=hable:desat=0";
            yield return "zscale=t=bt709:m=bt709:r=tv";
            yield return "format=yuv420p";
        }

        if (conditioning.HoldLastSeconds > 0)
        {
            yield return $"tpad=stop_mode=clone:stop_duration={Invariant(conditioning.HoldLastSeconds)}";
        }
    }

    /// <summary>zscale takes ffprobe's names for these; a value it does not know falls back to what HDR sources use.</summary>
    private static string ZscaleName(string? probed, string fallback) =>
        probed is "bt2020" or "bt2020nc" or "bt2020c" or "bt709" or "tv" or "pc" ? probed : fallback;

    private static List<string> VideoCodec(HlsEncodeRequest request, VideoStreamInfo video, VideoConditioning conditioning, bool gpuFrames)
    {
        var settings = request.Settings;
        var framesPerSecond = conditioning.WrittenFramesPerSecond(video);
        var gop = Invariant(Math.Max(1, (int)Math.Round((framesPerSecond > 0 ? framesPerSecond : 30) * settings.SegmentSeconds)));
        var nvenc = request.Encoder == VideoEncoder.H264Nvenc;
        var args = new List<string>
        {
            "-c:v", request.Encoder.FfmpegName(), "-preset", nvenc ? NvencPreset(settings.Preset) : settings.Preset, "-profile:v", "high",
        };
        if (!nvenc || !gpuFrames)
        {
            args.AddRange(["-pix_fmt", "yuv420p"]);
        }

        args.AddRange(RateControl.Arguments(request.Encoder, settings, request.Rungs));
        // Key frames on segment boundaries only: no scene-cut key frames (NVENC's lookahead would add them at cuts), and
        // NVENC's forced ones are IDRs, so every segment starts one.
        args.AddRange(nvenc ? ["-g", gop, "-no-scenecut", "1", "-forced-idr", "1"] : ["-g", gop, "-keyint_min", gop, "-sc_threshold", "0"]);
        args.AddRange(["-force_key_frames", $"expr:gte(t,n_forced*{Invariant(settings.SegmentSeconds)})"]);
        if (conditioning.ToneMaps)
        {
            // Without the tags players would read the tone-mapped pictures as the source's BT.2020 and wash them out.
            args.AddRange(["-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", "-color_range", "tv"]);
        }

        return args;
    }

    /// <summary>NVENC presets are p1 (fastest) to p7 (best); x264 preset names map onto them so one setting serves both.</summary>
    private static string NvencPreset(string preset) => preset switch
    {
        "ultrafast" or "superfast" => "p1",
        "veryfast" => "p2",
        "faster" => "p3",
        "fast" => "p4",
        "slow" => "p6",
        "slower" or "veryslow" or "placebo" => "p7",
        ['p', >= '1' and <= '7'] => preset,
        _ => "p5",
    };

    /// <summary>Pixel formats of more than 8 bits per sample: <c>yuv420p10le</c>, <c>p010le</c>, <c>yuv422p12be</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("1[0-6](le|be)$")]
    private static partial System.Text.RegularExpressions.Regex HighBitDepth();

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
