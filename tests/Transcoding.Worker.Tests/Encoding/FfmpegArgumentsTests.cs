using Transcoding.Worker.Conditioning;
using Transcoding.Worker.Encoding;
using Transcoding.Worker.Ladder;
using Transcoding.Worker.Probing;
using Transcoding.Worker.Storyboards;

namespace Transcoding.Worker.Tests.Encoding;

public class FfmpegArgumentsTests
{
    private static readonly VideoStreamInfo Landscape = new(0, "h264", 1920, 1080, 0, 1, 30);
    private static readonly AudioStreamInfo Stereo = new(1, "aac", 48000, 2);
    private static readonly EncodeSettings Settings = new("medium", 23, 24, 4, 128);

    private const string Surround = "aresample=ochl=stereo:clev=0.7071:slev=0.7071:lfe_mix_level=0:rematrix_maxval=1000";
    private const string Mean = "pan=mono|c0=0.5*c0+0.5*c1";

    /// <summary>A silent commentary first (#1, not default) and the programme's 5.1 track second (#2, default).</summary>
    private static readonly AudioStreamInfo[] TwoTracks =
    [
        new(1, "aac", 48000, 2) { Title = "Commentary", Language = "fre" },
        new(2, "ac3", 48000, 6) { IsDefault = true, Language = "eng" },
    ];

    private static readonly PlannedRung[] TwoRungs =
    [
        new("720p", 1280, 720, 2500),
        new("360p", 640, 360, 600),
    ];

    private static string Hls(
        VideoEncoder encoder, VideoStreamInfo? video = null, AudioStreamInfo? audio = null, EncodeSettings? settings = null, bool withAudio = true, VideoConditioning? conditioning = null) =>
        string.Join(' ', FfmpegArguments.Hls(new HlsEncodeRequest(
            "/w/source", "/w/out/hls",
            new MediaProbe(video ?? Landscape, withAudio ? audio ?? Stereo : null, 10),
            TwoRungs, encoder, settings ?? Settings, conditioning)));

    [Theory]
    [InlineData(VideoEncoder.Libx264, "-filter_complex [0:0]split=2[s0][s1];[s0]scale=w=1280:h=720,setsar=1[v0];[s1]scale=w=640:h=360,setsar=1[v1]")]
    [InlineData(VideoEncoder.H264Nvenc, "-filter_complex [0:0]split=2[s0][s1];[s0]scale_cuda=w=1280:h=720:format=nv12,setsar=1[v0];[s1]scale_cuda=w=640:h=360:format=nv12,setsar=1[v1]")]
    public void When_a_ladder_is_encoded_one_decode_is_split_into_one_scaler_per_rung(VideoEncoder encoder, string filter)
    {
        var args = Hls(encoder);

        Assert.Contains(filter, args);
        Assert.Single(FfmpegArguments.Hls(new HlsEncodeRequest("/w/source", "/w/out/hls", new MediaProbe(Landscape, Stereo, 10), TwoRungs, encoder, Settings)), a => a == "-i");
        Assert.Contains("-map [v0] -map 0:1 -map [v1] -map 0:1", args);
        Assert.Contains("-var_stream_map v:0,a:0,name:720p v:1,a:1,name:360p", args);
    }

    [Theory]
    [InlineData(VideoEncoder.Libx264, "h264", "-c:v libx264 -preset medium -profile:v high -pix_fmt yuv420p -crf 23 -maxrate:v:0 2500k -bufsize:v:0 5000k -maxrate:v:1 600k -bufsize:v:1 1200k -g 120 -keyint_min 120 -sc_threshold 0")]
    [InlineData(VideoEncoder.H264Nvenc, "h264", "-c:v h264_nvenc -preset p5 -profile:v high -rc vbr -cq 24 -b:v 0 -spatial-aq 1 -rc-lookahead 20 -maxrate:v:0 2500k -bufsize:v:0 5000k -maxrate:v:1 600k -bufsize:v:1 1200k -g 120 -no-scenecut 1 -forced-idr 1")]
    [InlineData(VideoEncoder.H264Nvenc, "prores", "-c:v h264_nvenc -preset p5 -profile:v high -pix_fmt yuv420p -rc vbr -cq 24 -b:v 0 -spatial-aq 1 -rc-lookahead 20 -maxrate:v:0 2500k -bufsize:v:0 5000k -maxrate:v:1 600k -bufsize:v:1 1200k -g 120 -no-scenecut 1 -forced-idr 1")]
    public void When_a_ladder_is_encoded_each_rung_gets_its_own_rate_control(VideoEncoder encoder, string sourceCodec, string codec)
    {
        Assert.Contains(codec + " -force_key_frames expr:gte(t,n_forced*4)", Hls(encoder, video: Landscape with { Codec = sourceCodec }));
    }

    [Theory]
    [InlineData(VideoEncoder.Libx264, false)]
    [InlineData(VideoEncoder.H264Nvenc, true)]
    public void When_nvenc_runs_frames_stay_on_the_gpu_from_decode_to_encode(VideoEncoder encoder, bool onGpu)
    {
        var args = Hls(encoder);

        Assert.Equal(onGpu, args.Contains("-hwaccel cuda -hwaccel_output_format cuda -i /w/source"));
        Assert.Equal(onGpu, args.Contains("scale_cuda"));
        Assert.DoesNotContain("hwdownload", args);
    }

    [Theory]
    [InlineData("h264", 90, "-hwaccel cuda -i")]
    [InlineData("hevc", 270, "-hwaccel cuda -i")]
    [InlineData("prores", 0, "-v error -nostats -progress pipe:2 -i")]
    [InlineData("av1", 0, "-v error -nostats -progress pipe:2 -i")]
    public void When_nvenc_gets_a_rotated_or_non_nvdec_source_frames_go_through_system_memory(string codec, int rotation, string decode)
    {
        var args = Hls(VideoEncoder.H264Nvenc, video: new VideoStreamInfo(0, codec, 1920, 1080, rotation, 1, 30));

        Assert.Contains(decode + " /w/source", args);
        Assert.DoesNotContain("-hwaccel_output_format", args);
        Assert.Contains("[s0]scale=w=1280:h=720,setsar=1[v0]", args);
        Assert.Contains("-c:v h264_nvenc", args);
        Assert.Contains("-pix_fmt yuv420p", args);
    }

    public static TheoryData<VideoConditioning, string> Conditionings => new()
    {
        { new(FieldParity.TopFirst, new FrameRate(30000, 1001), DynamicRange.Sdr, 0), "scale=interl=1,format=yuv420p,bwdif=mode=send_frame:parity=tff:deint=all,fps=30000/1001,split=2" },
        { new(FieldParity.BottomFirst, null, DynamicRange.Sdr, 0), "scale=interl=1,format=yuv420p,bwdif=mode=send_frame:parity=bff:deint=all,split=2" },
        { new(null, new FrameRate(60, 1), DynamicRange.Sdr, 3), "fps=60,tpad=stop_mode=clone:stop_duration=3,split=2" },
        {
            new(null, new FrameRate(30, 1), DynamicRange.Pq, 0),
            "fps=30,zscale=w=1280:h=720:tin=smpte2084:pin=bt2020:min=bt2020nc:rin=tv:t=linear:npl=100,format=gbrpf32le,zscale=p=bt709," +
            "tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p,split=2"
        },
        {
            new(null, null, DynamicRange.Hlg, 0.5),
            "zscale=w=1280:h=720:tin=arib-std-b67:pin=bt2020:min=bt2020nc:rin=tv:t=linear:npl=100,format=gbrpf32le,zscale=p=bt709," +
            "tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p,tpad=stop_mode=clone:stop_duration=0.5,split=2"
        },
    };

    [Theory]
    [MemberData(nameof(Conditionings))]
    public void When_a_source_needs_conditioning_it_runs_once_before_the_split_in_a_fixed_order(VideoConditioning conditioning, string chain)
    {
        Assert.Contains("-filter_complex [0:0]" + chain + "[s0][s1];[s0]scale=w=1280:h=720,setsar=1[v0]", Hls(VideoEncoder.Libx264, conditioning: conditioning));
    }

    [Theory]
    [InlineData("yuv420p10le", "format=yuv420p10le,bwdif")]
    [InlineData("p010le", "format=yuv420p10le,bwdif")]
    [InlineData("yuv422p", "format=yuv420p,bwdif")]
    [InlineData(null, "format=yuv420p,bwdif")]
    public void When_an_interlaced_source_is_deinterlaced_its_bit_depth_is_kept_until_the_encoder(string? pixelFormat, string chain)
    {
        var args = Hls(VideoEncoder.Libx264, video: Landscape with { PixelFormat = pixelFormat }, conditioning: new(FieldParity.TopFirst, null, DynamicRange.Sdr, 0));

        Assert.Contains(chain, args);
    }

    [Theory]
    [InlineData(VideoEncoder.Libx264, DynamicRange.Pq, true)]
    [InlineData(VideoEncoder.H264Nvenc, DynamicRange.Hlg, true)]
    [InlineData(VideoEncoder.Libx264, DynamicRange.Sdr, false)]
    [InlineData(VideoEncoder.H264Nvenc, DynamicRange.Sdr, false)]
    public void When_hdr_is_tone_mapped_every_rendition_is_tagged_bt709_on_both_encoders(VideoEncoder encoder, DynamicRange range, bool tagged)
    {
        var args = Hls(encoder, conditioning: new(null, null, range, 0));

        Assert.Equal(tagged, args.Contains("-color_primaries bt709 -color_trc bt709 -colorspace bt709 -color_range tv -c:a aac"));
        Assert.Equal(tagged, args.Contains("tonemap=tonemap=hable"));
    }

    [Theory]
    [InlineData(DynamicRange.Pq, null, false)]
    [InlineData(DynamicRange.Sdr, FieldParity.TopFirst, false)]
    [InlineData(DynamicRange.Sdr, null, true)]
    public void When_nvenc_gets_a_source_needing_cpu_filters_nvdec_decodes_into_system_memory(DynamicRange range, FieldParity? parity, bool onGpu)
    {
        var args = Hls(VideoEncoder.H264Nvenc, conditioning: new(parity, new FrameRate(30, 1), range, 1));

        Assert.Equal(onGpu, args.Contains("-hwaccel cuda -hwaccel_output_format cuda -i /w/source"));
        Assert.Equal(!onGpu, args.Contains("-hwaccel cuda -i /w/source"));
        Assert.Equal(onGpu, args.Contains("fps=30,tpad=stop_mode=clone:stop_duration=1,split=2[s0][s1];[s0]scale_cuda=w=1280:h=720"));
    }

    [Theory]
    [InlineData(120, 60, 4, "240")]
    [InlineData(119.88, 59.94, 2, "120")]
    public void When_the_rate_is_capped_the_gop_follows_the_written_rate(double source, double written, int segmentSeconds, string gop)
    {
        var args = Hls(
            VideoEncoder.Libx264,
            video: Landscape with { FramesPerSecond = source },
            settings: Settings with { SegmentSeconds = segmentSeconds },
            conditioning: new(null, new FrameRate((long)Math.Round(written * 1000), 1000), DynamicRange.Sdr, 0));

        Assert.Contains($"-g {gop} -keyint_min {gop} ", args);
    }

    [Theory]
    [InlineData(30, 4, "120")]
    [InlineData(25, 4, "100")]
    [InlineData(29.97, 4, "120")]
    [InlineData(59.94, 2, "120")]
    [InlineData(0, 4, "120")]
    [InlineData(24, 6, "144")]
    public void When_a_ladder_is_encoded_the_gop_is_one_segment_long(double fps, int segmentSeconds, string gop)
    {
        var args = Hls(VideoEncoder.Libx264, video: Landscape with { FramesPerSecond = fps }, settings: Settings with { SegmentSeconds = segmentSeconds });

        Assert.Contains($"-g {gop} -keyint_min {gop} -sc_threshold 0 -force_key_frames expr:gte(t,n_forced*{segmentSeconds})", args);
        Assert.Contains($"-hls_time {segmentSeconds} ", args);
    }

    [Fact]
    public void When_a_ladder_is_encoded_the_hls_output_is_vod_with_a_master_playlist()
    {
        Assert.EndsWith(
            "-c:a aac -b:a 128k -ac 2 -f hls -hls_time 4 -hls_playlist_type vod -hls_flags independent_segments -hls_segment_type mpegts " +
            "-hls_segment_filename /w/out/hls/%v/segment_%05d.ts -master_pl_name master.m3u8 " +
            "-var_stream_map v:0,a:0,name:720p v:1,a:1,name:360p /w/out/hls/%v/index.m3u8",
            Hls(VideoEncoder.Libx264));
    }

    [Theory]
    [InlineData(VideoEncoder.Libx264)]
    [InlineData(VideoEncoder.H264Nvenc)]
    public void When_the_source_has_no_audio_no_audio_is_mapped(VideoEncoder encoder)
    {
        var args = Hls(encoder, withAudio: false);

        Assert.Contains("-map [v0] -map [v1] ", args);
        Assert.DoesNotContain("-c:a", args);
        Assert.Contains("-var_stream_map v:0,name:720p v:1,name:360p ", args);
    }

    [Fact]
    public void When_the_source_is_audio_only_one_audio_rendition_is_made()
    {
        var args = string.Join(' ', FfmpegArguments.Hls(new HlsEncodeRequest(
            "/w/source", "/w/out/hls", new MediaProbe(null, new AudioStreamInfo(0, "mp3", 44100, 2), 10), [], VideoEncoder.Libx264, Settings)));

        Assert.Contains("-i /w/source -map 0:0 -c:a aac -b:a 128k -ac 2 -f hls", args);
        Assert.Contains("-var_stream_map a:0,name:audio ", args);
        Assert.DoesNotContain("-c:v", args);
        Assert.DoesNotContain("-filter_complex", args);
    }

    [Theory]
    [InlineData("veryfast", "-preset veryfast", "-preset p2")]
    [InlineData("slow", "-preset slow", "-preset p6")]
    [InlineData("p3", "-preset p3", "-preset p3")]
    public void When_a_preset_is_configured_each_encoder_gets_its_own_name_for_it(string preset, string x264, string nvenc)
    {
        Assert.Contains(x264 + " ", Hls(VideoEncoder.Libx264, settings: Settings with { Preset = preset }));
        Assert.Contains(nvenc + " ", Hls(VideoEncoder.H264Nvenc, settings: Settings with { Preset = preset }));
    }

    /// <summary>The ladder's request with every other output of the same run asked for: poster, storyboard (3 tiles of 160x90, 2 columns: 320x180), PCM.</summary>
    private static string Everything(VideoEncoder encoder, double duration = 10, VideoConditioning? conditioning = null, AudioStreamInfo? audio = null) =>
        string.Join(' ', FfmpegArguments.Hls(new HlsEncodeRequest(
            "/w/source", "/w/out/hls", new MediaProbe(Landscape, audio ?? Stereo, duration), TwoRungs, encoder, Settings, conditioning)
        {
            PosterPath = "/w/out/poster.jpg",
            Storyboard = new StoryboardPlan(10_000, 4, 160, 90, 2),
            StoryboardPath = "/w/out/storyboard.jpg",
            WaveformPcmFormat = "s16le",
        }));

    [Theory]
    [InlineData(DynamicRange.Pq, null, "tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p,tpad=stop_mode=clone:stop_duration=2,split=6[s0][s1][s2][s3][s4][s5];")]
    [InlineData(DynamicRange.Sdr, FieldParity.BottomFirst, "[0:0]scale=interl=1,format=yuv420p,bwdif=mode=send_frame:parity=bff:deint=all,fps=30,tpad=stop_mode=clone:stop_duration=2,split=6[s0][s1][s2][s3][s4][s5];")]
    public void When_a_poster_and_storyboard_are_made_they_branch_after_the_ladders_conditioning(DynamicRange range, FieldParity? parity, string conditioned)
    {
        var args = Everything(VideoEncoder.Libx264, conditioning: new(parity, new FrameRate(30, 1), range, 2));

        Assert.Contains(conditioned, args);
        Assert.Contains(
            "[s2]trim=end_frame=1,scale=w=1280:h=720,setsar=1[poster0];[s3]select='gte(t,1)',trim=end_frame=50,scale=w=1280:h=720,thumbnail=50,setsar=1[poster1];" +
            "[s4]trim=end_frame=1,scale=w=320:h=180,setsar=1[storyboard0];[s5]fps=fps=1/4:start_time=0:eof_action=pass,scale=w=160:h=90,setsar=1,tile=2x2[storyboard1];" +
            "[poster0][poster1]concat=n=2:v=1:a=0,setpts=N/TB[poster];[storyboard0][storyboard1]concat=n=2:v=1:a=0,setpts=N/TB[storyboard] ",
            args);
        Assert.Single(FfmpegArguments.Hls(new HlsEncodeRequest("/w/source", "/w/out/hls", new MediaProbe(Landscape, Stereo, 10), TwoRungs, VideoEncoder.Libx264, Settings)
        {
            PosterPath = "/w/out/poster.jpg",
            WaveformPcmFormat = "s16le",
        }), a => a == "-i");
    }

    [Fact]
    public void When_a_poster_and_storyboard_are_made_each_is_a_jpeg_rewritten_by_its_picture_after_a_placeholder()
    {
        Assert.Contains(
            "/w/out/hls/%v/index.m3u8 -map [poster] -fps_mode passthrough -frames:v 2 -q:v 3 -update 1 /w/out/poster.jpg -map [storyboard] -fps_mode passthrough -frames:v 2 -q:v 5 -update 1 /w/out/storyboard.jpg -map 0:1",
            Everything(VideoEncoder.Libx264));
    }

    [Fact]
    public void When_nvenc_keeps_frames_on_the_gpu_pictures_are_chosen_and_scaled_there_then_downloaded_small()
    {
        var args = Everything(VideoEncoder.H264Nvenc);

        Assert.Contains("-hwaccel cuda -hwaccel_output_format cuda -i /w/source", args);
        Assert.Contains("[s2]trim=end_frame=1,scale_cuda=w=1280:h=720:format=nv12,hwdownload,format=nv12,setsar=1[poster0];", args);
        Assert.Contains("[s3]select='gte(t,1)',trim=end_frame=50,scale_cuda=w=1280:h=720:format=nv12,hwdownload,format=nv12,thumbnail=50,setsar=1[poster1];", args);
        Assert.Contains("[s5]fps=fps=1/4:start_time=0:eof_action=pass,scale_cuda=w=160:h=90:format=nv12,hwdownload,format=nv12,setsar=1,tile=2x2[storyboard1];", args);
        Assert.Contains("split=6[s0][s1][s2][s3][s4][s5];[s0]scale_cuda=w=1280:h=720:format=nv12,setsar=1[v0];[s1]scale_cuda=w=640:h=360:format=nv12,setsar=1[v1];", args);
        Assert.Equal(4, args.Split("hwdownload").Length - 1);
    }

    [Theory]
    [InlineData(100, "select='gte(t,10)',")]
    [InlineData(3, "select='gte(t,0.3)',")]
    [InlineData(0, "")]
    public void When_a_poster_is_made_its_frames_come_from_a_tenth_of_the_duration_on(double duration, string select)
    {
        Assert.Contains($"[s3]{select}trim=end_frame=50,scale=w=1280:h=720,thumbnail=50,setsar=1[poster1]", Everything(VideoEncoder.Libx264, duration));
    }

    [Theory]
    [InlineData(2, Mean)]
    [InlineData(1, "pan=stereo|c0=c0|c1=c0," + Mean)]
    [InlineData(6, Surround + "," + Mean)]
    [InlineData(8, Surround + "," + Mean)]
    public void When_a_waveform_is_built_the_same_run_writes_the_mean_of_the_stereo_that_plays_as_mono_pcm_to_stdout(int channels, string filter)
    {
        Assert.EndsWith($"/w/out/storyboard.jpg -map 0:1 -af {filter} -f s16le -acodec pcm_s16le pipe:1", Everything(VideoEncoder.Libx264, audio: Stereo with { Channels = channels }));
    }

    [Fact]
    public void When_the_source_is_audio_only_no_picture_is_asked_of_ffmpeg()
    {
        var args = string.Join(' ', FfmpegArguments.Hls(new HlsEncodeRequest(
            "/w/source", "/w/out/hls", new MediaProbe(null, new AudioStreamInfo(0, "mp3", 44100, 2), 10), [], VideoEncoder.Libx264, Settings)
        {
            PosterPath = "/w/out/poster.jpg",
            WaveformPcmFormat = "wav",
        }));

        Assert.DoesNotContain(".jpg", args);
        Assert.EndsWith("/w/out/hls/%v/index.m3u8 -map 0:0 -af pan=mono|c0=0.5*c0+0.5*c1 -f wav -acodec pcm_s16le pipe:1", args);
    }

    [Theory]
    [InlineData(VideoEncoder.Libx264, "-f lavfi -i color=c=black:s=256x144:r=25:d=0.2 -c:v libx264 -f null -")]
    [InlineData(VideoEncoder.H264Nvenc, "-f lavfi -i color=c=black:s=256x144:r=25:d=0.2 -init_hw_device cuda=gpu -filter_hw_device gpu -vf format=nv12,hwupload_cuda,scale_cuda=w=128:h=72 -c:v h264_nvenc -f null -")]
    public void When_an_encoder_is_probed_a_tiny_real_encode_runs(VideoEncoder encoder, string expected)
    {
        Assert.EndsWith(expected, string.Join(' ', FfmpegArguments.EncoderProbe(encoder)));
    }

    [Theory]
    [InlineData(2, "-ac 2 -f hls")]
    [InlineData(1, "-ac 2 -filter:a:0 pan=stereo|c0=c0|c1=c0 -filter:a:1 pan=stereo|c0=c0|c1=c0 -f hls")]
    [InlineData(6, $"-ac 2 -filter:a:0 {Surround} -filter:a:1 {Surround} -f hls")]
    public void When_the_audio_is_not_stereo_each_audio_output_is_downmixed_at_player_levels(int channels, string expected)
    {
        Assert.Contains("-c:a aac -b:a 128k " + expected, Hls(VideoEncoder.Libx264, audio: Stereo with { Channels = channels }));
    }

    [Fact]
    public void When_the_source_has_several_audio_tracks_each_is_an_audio_rendition_the_video_variants_play()
    {
        var args = string.Join(' ', FfmpegArguments.Hls(new HlsEncodeRequest(
            "/w/source", "/w/out/hls", new MediaProbe(Landscape, TwoTracks, 10), TwoRungs, VideoEncoder.Libx264, Settings)));

        Assert.Contains("-map [v0] -map [v1] -c:v libx264", args);
        Assert.Contains($"-map 0:2 -map 0:1 -c:a aac -b:a 128k -ac 2 -filter:a:0 {Surround} -f hls", args);
        Assert.Contains(
            "-var_stream_map v:0,agroup:audio,name:720p v:1,agroup:audio,name:360p a:0,agroup:audio,default:yes,name:audio a:1,agroup:audio,name:audio-2 ",
            args);
    }

    [Fact]
    public void When_an_audio_only_source_has_several_tracks_the_default_is_the_audio_rendition_and_the_others_join_its_group()
    {
        var args = string.Join(' ', FfmpegArguments.Hls(new HlsEncodeRequest(
            "/w/source", "/w/out/hls", new MediaProbe(null, TwoTracks, 10), [], VideoEncoder.Libx264, Settings)));

        Assert.Contains($"-i /w/source -map 0:2 -map 0:1 -c:a aac -b:a 128k -ac 2 -filter:a:0 {Surround} -f hls", args);
        Assert.Contains("-var_stream_map a:0,agroup:audio,default:yes,name:audio a:1,agroup:audio,name:audio-2 ", args);
        Assert.DoesNotContain("-filter_complex", args);
    }
}
