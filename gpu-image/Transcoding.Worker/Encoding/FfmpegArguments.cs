using System.Globalization;
using Transcoding.Worker.Ladder;
using Transcoding.Worker.Probing;

namespace Transcoding.Worker.Encoding;

/// <summary>Every ffprobe/ffmpeg command line the worker runs, built as argument lists (no shell quoting involved).</summary>
public static class FfmpegArguments
{
    /// <summary>Codecs NVDEC decodes on every GPU generation RunPod offers; others are decoded on the CPU.</summary>
    private static readonly HashSet<string> NvdecCodecs = ["h264", "hevc", "mpeg2video", "vp9"];

    private static readonly string[] Common = ["-hide_banner", "-nostdin", "-y", "-v", "error"];

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
        var gpuFrames = video is not null && KeepsFramesOnGpu(request.Encoder, video);

        var args = new List<string>(Common) { "-nostats", "-progress", "pipe:1" };
        if (gpuFrames)
        {
            args.AddRange(["-hwaccel", "cuda", "-hwaccel_output_format", "cuda"]);
        }

        args.AddRange(["-i", request.InputPath]);

        // a:{k} counts audio outputs in the order they are mapped; each one gets its source track's downmix below.
        var variants = new List<string>();
        var audioOutputs = new List<AudioStreamInfo>();
        var group = request.AudioGroup ? $",agroup:{AudioRendition.GroupName}" : "";
        if (video is not null)
        {
            args.AddRange(["-filter_complex", LadderFilter(video, request.Rungs, gpuFrames)]);
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

            args.AddRange(VideoCodec(request, video, gpuFrames));
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
                if (AudioDownmix.Stereo(audioOutputs[k]) is { } downmix)
                {
                    args.AddRange([$"-filter:a:{k}", downmix]);
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
            "-master_pl_name", HlsEncodeRequest.MasterPlaylistName,
            "-var_stream_map", string.Join(' ', variants),
            Path.Combine(output, "%v", HlsEncodeRequest.RenditionPlaylistName),
        ]);
        return args;
    }

    /// <summary>
    /// A representative frame: seek to a tenth of the way in, then let <c>thumbnail</c> pick among the next frames.
    /// <paramref name="fromStart"/> skips the seek, for sources where it lands past the last frame (ffmpeg then exits 0
    /// without writing anything).
    /// </summary>
    public static IReadOnlyList<string> Poster(string inputPath, MediaProbe probe, PlannedRung size, string outputPath, bool fromStart = false)
    {
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
            "-vf", $"thumbnail=50,scale=w={size.Width}:h={size.Height},setsar=1",
            "-frames:v", "1",
            "-q:v", "3",
            "-update", "1",
            outputPath,
        ]);
        return args;
    }

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

    /// <summary>The GPU path decodes and scales on the GPU; rotated sources and codecs NVDEC may not handle go through system memory.</summary>
    internal static bool KeepsFramesOnGpu(VideoEncoder encoder, VideoStreamInfo video) =>
        encoder == VideoEncoder.H264Nvenc && video.Rotation == 0 && NvdecCodecs.Contains(video.Codec);

    private static string LadderFilter(VideoStreamInfo video, IReadOnlyList<PlannedRung> rungs, bool gpuFrames)
    {
        var splits = string.Concat(Enumerable.Range(0, rungs.Count).Select(i => $"[s{i}]"));
        var scalers = rungs.Select((rung, i) => gpuFrames
            ? $"[s{i}]scale_cuda=w={rung.Width}:h={rung.Height}:format=nv12,setsar=1[v{i}]"
            : $"[s{i}]scale=w={rung.Width}:h={rung.Height},setsar=1[v{i}]");
        return $"[0:{video.Index}]split={rungs.Count}{splits};" + string.Join(';', scalers);
    }

    private static List<string> VideoCodec(HlsEncodeRequest request, VideoStreamInfo video, bool gpuFrames)
    {
        var settings = request.Settings;
        var gop = Invariant(Math.Max(1, (int)Math.Round((video.FramesPerSecond > 0 ? video.FramesPerSecond : 30) * settings.SegmentSeconds)));
        var args = new List<string>();
        if (request.Encoder == VideoEncoder.H264Nvenc)
        {
            args.AddRange(["-c:v", VideoEncoderNames.H264Nvenc, "-preset", NvencPreset(settings.Preset), "-profile:v", "high", "-rc", "vbr"]);
            if (!gpuFrames)
            {
                args.AddRange(["-pix_fmt", "yuv420p"]);
            }

            for (var i = 0; i < request.Rungs.Count; i++)
            {
                var kbps = request.Rungs[i].VideoBitrateKbps;
                args.AddRange(
                [
                    $"-b:v:{i}", $"{kbps}k",
                    $"-maxrate:v:{i}", $"{kbps * 6 / 5}k",
                    $"-bufsize:v:{i}", $"{kbps * 2}k",
                ]);
            }

            args.AddRange(["-g", gop, "-no-scenecut", "1", "-forced-idr", "1"]);
        }
        else
        {
            args.AddRange(
            [
                "-c:v", VideoEncoderNames.Libx264, "-preset", settings.Preset, "-profile:v", "high", "-pix_fmt", "yuv420p",
                "-crf", Invariant(settings.Crf),
            ]);
            for (var i = 0; i < request.Rungs.Count; i++)
            {
                // Capped CRF: quality-driven, but never above the rung's bitrate over a two-second buffer.
                var kbps = request.Rungs[i].VideoBitrateKbps;
                args.AddRange([$"-maxrate:v:{i}", $"{kbps}k", $"-bufsize:v:{i}", $"{kbps * 2}k"]);
            }

            args.AddRange(["-g", gop, "-keyint_min", gop, "-sc_threshold", "0"]);
        }

        args.AddRange(["-force_key_frames", $"expr:gte(t,n_forced*{Invariant(settings.SegmentSeconds)})"]);
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

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
