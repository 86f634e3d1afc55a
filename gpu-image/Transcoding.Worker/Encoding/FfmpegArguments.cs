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

    /// <summary>The poster's frames come from this share of the duration on: past opening titles and fades.</summary>
    private const double PosterSeekShare = 0.1;

    /// <summary>Frames <c>thumbnail</c> compares for the poster (about two seconds).</summary>
    private const int PosterCandidates = 50;

    /// <summary>JPEG quality (<c>-q:v</c>, 2 best to 31): the poster is shown large, storyboard tiles small.</summary>
    private const int PosterQuality = 3;
    private const int StoryboardQuality = 5;

    /// <summary>Format and streams as JSON, with each stream's packets counted (see <see cref="FfprobeParser"/> for why).</summary>
    public static IReadOnlyList<string> Ffprobe(string inputPath) =>
        ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-count_packets", "-show_optional_fields", "always", inputPath];

    /// <summary>
    /// The job's one ffmpeg run: one decode feeding every rung (<c>split</c> then one scaler per rung, all variants in one
    /// HLS muxer with a master playlist) and, from the same decode, the poster, the storyboard sprite and the waveform's
    /// PCM when <paramref name="request"/> asks for them. Key frames are forced on segment boundaries and scene-cut key
    /// frames are off, so every rung's segments start at the same instants and players can switch at any boundary.
    /// Progress goes to stderr (<c>-progress pipe:2</c>, told apart by <see cref="FfmpegProgressParser.IsProgressLine"/>),
    /// because stdout carries the PCM.
    /// </summary>
    public static IReadOnlyList<string> Hls(HlsEncodeRequest request)
    {
        var probe = request.Probe;
        var settings = request.Settings;
        var video = probe.Video;
        var audio = probe.Audio;
        var conditioning = request.Conditioning ?? VideoConditioning.None;
        var gpuFrames = video is not null && KeepsFramesOnGpu(request.Encoder, video, conditioning);

        var args = new List<string>(Common) { "-nostats", "-progress", "pipe:2" };
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
        var pictures = video is null ? [] : Pictures(request, gpuFrames);
        if (video is not null)
        {
            args.AddRange(["-filter_complex", VideoFilter(video, request.Rungs, conditioning, gpuFrames, pictures)]);
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

        // One JPEG each, rewritten by its second frame (Pictures). An output that ends early (the poster after its
        // candidates) does not hold up the others: ffmpeg 5.1 decodes on for them, and the ladder's segments are those of
        // a ladder-only run. Passthrough timing, the two frames one second apart (setpts=N/TB in VideoFilter): at a constant
        // rate the muxer repeated the placeholder up to the picture's time, that repeat was the second frame, and the
        // poster came out as the first frame (black for a fade-in); passed through at their own times, a picture less
        // than one output tick after the placeholder got the same pts and the JPEG encoder refused it.
        foreach (var picture in pictures)
        {
            args.AddRange(["-map", $"[{picture.Label}]", "-fps_mode", "passthrough", "-frames:v", "2", "-q:v", Invariant(picture.Quality), "-update", "1", picture.Path]);
        }

        if (audio is not null && request.WaveformPcmFormat is { } format)
        {
            // The waveform's input: the mean of the main track's stereo as it plays (AudioDownmix.Mono), 16-bit, at the
            // source's own sample rate.
            args.AddRange(["-map", $"0:{audio.Index}", "-af", AudioDownmix.Mono(audio), "-f", format, "-acodec", "pcm_s16le", "pipe:1"]);
        }

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
    /// Reads every packet without decoding (disk speed) and reports the last <c>out_time</c> on stderr: the length of a
    /// source whose container does not state one, e.g. a WebM written to a pipe by a browser's MediaRecorder.
    /// </summary>
    public static IReadOnlyList<string> DemuxDuration(string inputPath) =>
        [.. Common, "-nostats", "-progress", "pipe:2", "-i", inputPath, "-map", "0:v?", "-map", "0:a?", "-c", "copy", "-f", "null", "-"];

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
    /// The source's conditioning (<see cref="ConditioningFilters"/>), then <c>split</c> into one scaler per rung and two
    /// branches per picture output (<see cref="Pictures"/>), so the poster and the storyboard are deinterlaced, tone
    /// mapped and rotated like the ladder.
    /// </summary>
    private static string VideoFilter(VideoStreamInfo video, IReadOnlyList<PlannedRung> rungs, VideoConditioning conditioning, bool gpuFrames, IReadOnlyList<PictureOutput> pictures)
    {
        var branches = rungs.Select((rung, i) => gpuFrames
                ? $"scale_cuda=w={rung.Width}:h={rung.Height}:format=nv12,setsar=1[v{i}]"
                : $"scale=w={rung.Width}:h={rung.Height},setsar=1[v{i}]")
            .Concat(pictures.SelectMany(picture => new[] { $"{picture.Placeholder}[{picture.Label}0]", $"{picture.Picture}[{picture.Label}1]" }))
            .ToList();
        var splits = string.Concat(Enumerable.Range(0, branches.Count).Select(i => $"[s{i}]"));
        var chain = ConditioningFilters(video, conditioning, rungs[0]).Append($"split={branches.Count}{splits}");
        return $"[0:{video.Index}]{string.Join(',', chain)};"
            + string.Join(';', branches.Select((branch, i) => $"[s{i}]{branch}")
                .Concat(pictures.Select(picture => $"[{picture.Label}0][{picture.Label}1]concat=n=2:v=1:a=0,setpts=N/TB[{picture.Label}]")));
    }

    /// <summary>
    /// The picture outputs <paramref name="request"/> asks for, each the concatenation of a placeholder (the first frame
    /// at the picture's size) and the picture itself, written with <c>-update 1</c> so the file ends as the picture.
    /// Why: ffmpeg 5.1 writes no <c>-progress</c> report before every output file has its header, which an image output
    /// gets with its first frame; without the placeholder a storyboard (made at the end) held back every progress report
    /// until the end of the encode. The poster: <c>thumbnail</c> picks the most representative of the first frames from
    /// a tenth of the duration on (past opening titles and fades), at the top rung's size; when that tenth lies past the
    /// last frame (a one-frame source) nothing follows the placeholder, so the first frame is the poster: a player shows
    /// a poster before playback and any real frame beats a blank tile. The storyboard: <c>fps</c> rounds each frame to the
    /// nearest tile instant and keeps the last, so tile n shows the last frame before (n + 1/2) x interval, inside its cue,
    /// from 0 (repeating the first one for a late start), scaled to the tile, and <c>tile</c> lays
    /// them into one sprite (flushed at the end when the last row is short). On the GPU path frames are chosen first (by
    /// timestamp only), scaled small with <c>scale_cuda</c>, then downloaded (<c>hwdownload</c>): only small, chosen
    /// pictures cross to system memory.
    /// </summary>
    private static List<PictureOutput> Pictures(HlsEncodeRequest request, bool gpuFrames)
    {
        var pictures = new List<PictureOutput>();
        if (request.PosterPath is { } posterPath && request.Rungs.Count > 0)
        {
            var top = request.Rungs[0];
            var seek = Math.Round(request.Probe.DurationSeconds * PosterSeekShare, 3);
            // Scaled before thumbnail, which holds all its candidates: 50 frames of a 4K source would be 600 MB beside the ladder.
            pictures.Add(new PictureOutput(
                "poster", posterPath, PosterQuality, FirstFrame(top.Width, top.Height, gpuFrames),
                (seek > 0 ? $"select='gte(t,{Invariant(seek)})'," : "") + $"trim=end_frame={PosterCandidates},"
                + Small(top.Width, top.Height, gpuFrames) + $"thumbnail={PosterCandidates},setsar=1"));
        }

        if (request.Storyboard is { } storyboard && request.StoryboardPath is { } storyboardPath)
        {
            pictures.Add(new PictureOutput(
                "storyboard", storyboardPath, StoryboardQuality, FirstFrame(storyboard.SpriteWidth, storyboard.SpriteHeight, gpuFrames),
                $"fps=fps=1/{storyboard.IntervalSeconds}:start_time=0:eof_action=pass,"
                + Small(storyboard.TileWidth, storyboard.TileHeight, gpuFrames)
                + $"setsar=1,tile={storyboard.Columns}x{storyboard.Rows}"));
        }

        return pictures;
    }

    /// <summary>The first frame at <paramref name="width"/> x <paramref name="height"/>: the placeholder of <see cref="Pictures"/>.</summary>
    private static string FirstFrame(int width, int height, bool gpuFrames) => $"trim=end_frame=1,{Small(width, height, gpuFrames)}setsar=1";

    /// <summary>Scaled to <paramref name="width"/> x <paramref name="height"/> and in system memory; ends with a comma.</summary>
    private static string Small(int width, int height, bool gpuFrames) => gpuFrames
        ? $"scale_cuda=w={width}:h={height}:format=nv12,hwdownload,format=nv12,"
        : $"scale=w={width}:h={height},";

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
