using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transcoding.Contracts;
using Transcoding.Shared;
using Transcoding.Shared.Jobs;
using Transcoding.Shared.Storage;
using Transcoding.Worker.Conditioning;
using Transcoding.Worker.Encoding;
using Transcoding.Worker.Ladder;
using Transcoding.Worker.Probing;
using Transcoding.Worker.Publishing;
using Transcoding.Worker.Storyboards;
using Transcoding.Worker.Validation;
using Transcoding.Worker.Waveforms;

namespace Transcoding.Worker.Jobs;

/// <summary>
/// One job's work in a private folder: fetch the source, probe, then one ffmpeg run (one decode) for the ladder, the
/// poster, the storyboard sprite and the waveform's PCM, read while it runs; then upload with manifest.json last. Every failure leaves as a <see cref="JobFailedException"/>. The
/// download and the uploads ride out a short storage outage (<see cref="StorageRetry"/>) before they fail.
/// </summary>
public sealed class TranscodePipeline(
    IObjectStorage storage,
    StorageRetry storageRetry,
    MediaToolRunner tools,
    EncoderSelector encoders,
    WaveformGenerator waveforms,
    OutputPublisher publisher,
    WorkerMetrics metrics,
    IOptions<WorkerOptions> options,
    ILogger<TranscodePipeline> logger)
{
    /// <summary>Share of the progress bar the encode (with poster, storyboard and waveform) takes; checks and upload share the rest.</summary>
    private const double EncodeShare = 85;

    public async Task<TranscodeOutputs> RunAsync(WorkerJobInput input, string workDirectory, UploadLedger ledger, Action<double> progress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var mediaId = input.MediaId;
        var sourcePath = Path.Combine(workDirectory, "source");

        // The output folder mirrors the item's prefix in the bucket (MediaKeys), so uploading is a copy.
        var outputDirectory = Path.Combine(workDirectory, "out");
        var hlsDirectory = Path.Combine(outputDirectory, MediaKeys.HlsFolderName);
        Directory.CreateDirectory(hlsDirectory);

        await DownloadAsync(workDirectory, input.SourceKey, sourcePath, cancellationToken);
        var probe = await ProbeAsync(workDirectory, sourcePath, cancellationToken);
        if (probe.DurationSeconds <= 0)
        {
            probe = probe with { DurationSeconds = await DemuxedDurationAsync(workDirectory, sourcePath, cancellationToken) };
        }

        var conditioning = probe.Video is null ? null : await ConditioningAsync(workDirectory, sourcePath, probe, mediaId, cancellationToken);
        var rungs = probe.Video is null ? [] : new LadderPlanner(settings.EffectiveLadder).Plan(probe.Video);
        VideoEncoder? encoder = probe.Video is null ? null : await encoders.SelectAsync();
        Log.EncodeStarting(logger, mediaId, encoder?.FfmpegName() ?? "none (audio only)", string.Join(',', rungs.Select(r => $"{r.Name}={r.Width}x{r.Height}")));

        var posterPath = Path.Combine(outputDirectory, MediaKeys.PosterName);
        var storyboard = probe.Video is null ? null : StoryboardPlan.For(probe.DurationSeconds, rungs[0], settings.StoryboardSettings);
        var request = new HlsEncodeRequest(sourcePath, hlsDirectory, probe, rungs, encoder ?? VideoEncoder.Libx264, settings.EncodeSettings, conditioning)
        {
            PosterPath = probe.Video is null ? null : posterPath,
            Storyboard = storyboard,
            StoryboardPath = Path.Combine(outputDirectory, MediaKeys.StoryboardImageName),
            WaveformPcmFormat = probe.Audio is null ? null : waveforms.PcmFormat,
        };
        var parser = new FfmpegProgressParser(probe.DurationSeconds);
        WaveformResult? waveformResult = null;
        var encodeStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var encodeErrors = await Step(workDirectory, JobErrorCodes.EncodeFailed, "Encoding the HLS ladder failed", () => tools.RunFfmpegAsync(
            FfmpegArguments.Hls(request),
            line =>
            {
                if (parser.Feed(line) is { } percent)
                {
                    progress(Math.Round(percent * EncodeShare / 100, 1));
                }
            },
            probe.Audio is not { } audio ? null : async (pcm, ct) => waveformResult = await Step(workDirectory, JobErrorCodes.WaveformFailed, "Generating the waveform failed", () => waveforms.ReadAsync(
                pcm, audio, Path.Combine(outputDirectory, MediaKeys.WaveformJsonName), Path.Combine(outputDirectory, MediaKeys.WaveformDatName), ct)),
            cancellationToken));
        metrics.Encoded(System.Diagnostics.Stopwatch.GetElapsedTime(encodeStarted), probe.DurationSeconds, encoder?.FfmpegName() ?? "aac");
        await MediaPlaylist.CorrectFilesAsync(hlsDirectory, cancellationToken);
        if (SourceTruncation.DecodableSeconds(WrittenSeconds(hlsDirectory), probe.DurationSeconds, encodeErrors) is { } decodable)
        {
            throw new JobFailedException(
                JobErrorCodes.SourceTruncated,
                string.Create(CultureInfo.InvariantCulture, $"The source ends before its stated duration (an incomplete upload?): decodable: {decodable:0.0} s of {probe.DurationSeconds:0.0} s. ffmpeg: {FailureText.From(encodeErrors, workDirectory)}"),
                permanent: true);
        }

        await MasterPlaylist.CompleteFileAsync(hlsDirectory, probe.Video is null ? null : conditioning!.WrittenFramesPerSecond(probe.Video), request.AudioRenditions, cancellationToken);
        var waveform = waveformResult is null ? null : new WaveformOutput
        {
            JsonKey = MediaKeys.WaveformJson(mediaId),
            DatKey = MediaKeys.WaveformDat(mediaId),
            SampleRate = waveformResult.SampleRate,
            SamplesPerPixel = waveformResult.SamplesPerPixel,
        };
        var posterKey = probe.Video is null ? null : Poster(posterPath, mediaId);
        var storyboardOutput = storyboard is null ? null : await StoryboardAsync(storyboard, outputDirectory, mediaId, cancellationToken);
        progress(EncodeShare + 5);

        var outputs = new TranscodeOutputs
        {
            MasterPlaylistKey = MediaKeys.MasterPlaylist(mediaId),
            Renditions = Renditions(mediaId, request),
            DurationSeconds = Math.Round(probe.DurationSeconds, 3),
            PosterKey = posterKey,
            Waveform = waveform,
            Storyboard = storyboardOutput,
            Encoder = encoder?.FfmpegName() ?? "",
            ManifestKey = MediaKeys.Manifest(mediaId),
            Source = probe.Video is null ? null : conditioning!.Describe(probe.Video),
        };
        await using (var manifest = File.Create(Path.Combine(outputDirectory, MediaKeys.ManifestName)))
        {
            await JsonSerializer.SerializeAsync(manifest, outputs, JsonDefaults.Web, cancellationToken);
        }

        // Nothing is uploaded before the output is known good, so a failure here leaves nothing behind.
        if (HlsOutputValidator.Validate(outputDirectory, MediaKeys.Prefix(mediaId), probe.DurationSeconds) is { Count: > 0 } problems)
        {
            throw new JobFailedException(
                JobErrorCodes.OutputInvalid,
                $"The written output is invalid ({problems.Count} problem(s)): {string.Join("; ", problems.Take(3))}",
                permanent: false);
        }

        progress(EncodeShare + 10);
        await Step(workDirectory, JobErrorCodes.UploadFailed, "Uploading the outputs failed", () => publisher.PublishAsync(outputDirectory, mediaId, ledger, cancellationToken));
        return outputs;
    }

    /// <summary>The poster's key, or null when no frame could be had; a key is only returned for a non-empty file.</summary>
    private static string? Poster(string posterPath, Guid mediaId)
    {
        if (new FileInfo(posterPath) is { Exists: true, Length: > 0 })
        {
            return MediaKeys.Poster(mediaId);
        }

        File.Delete(posterPath);
        return null;
    }

    /// <summary>
    /// The storyboard's record and its WebVTT beside the sprite the encode wrote; null (and no sprite left to upload) when
    /// ffmpeg wrote none, which only a video without frames would do.
    /// </summary>
    private static async Task<StoryboardOutput?> StoryboardAsync(StoryboardPlan plan, string outputDirectory, Guid mediaId, CancellationToken cancellationToken)
    {
        var sprite = Path.Combine(outputDirectory, MediaKeys.StoryboardImageName);
        if (new FileInfo(sprite) is not { Exists: true, Length: > 0 })
        {
            File.Delete(sprite);
            return null;
        }

        await File.WriteAllTextAsync(Path.Combine(outputDirectory, MediaKeys.StoryboardVttName), StoryboardVtt.Write(plan, MediaKeys.StoryboardImageName), cancellationToken);
        return new StoryboardOutput
        {
            ImageKey = MediaKeys.StoryboardImage(mediaId),
            VttKey = MediaKeys.StoryboardVtt(mediaId),
            IntervalSeconds = plan.IntervalSeconds,
            TileWidth = plan.TileWidth,
            TileHeight = plan.TileHeight,
            Columns = plan.Columns,
            TileCount = plan.TileCount,
        };
    }

    /// <summary>The EXTINF sum, in seconds, of each media playlist under <paramref name="hlsDirectory"/>.</summary>
    private static IEnumerable<double> WrittenSeconds(string hlsDirectory) =>
        Directory.EnumerateFiles(hlsDirectory, MediaKeys.PlaylistName, SearchOption.AllDirectories)
            .Select(path => MediaPlaylist.Parse(File.ReadAllText(path)).TotalSeconds);

    /// <summary>
    /// The video rungs, then the audio renditions with playlists of their own (<see cref="HlsEncodeRequest.AudioPlaylists"/>).
    /// A rung's AudioBitrateKbps is that of the audio muxed into it, 0 when it plays an audio group or there is no audio.
    /// </summary>
    private static IReadOnlyList<Rendition> Renditions(Guid mediaId, HlsEncodeRequest request)
    {
        var audioKbps = request.Settings.AudioBitrateKbps;
        var muxedKbps = request.AudioRenditions.Count == 1 ? audioKbps : 0;
        return
        [
            .. request.Rungs.Select(rung => new Rendition
            {
                Name = rung.Name,
                Width = rung.Width,
                Height = rung.Height,
                VideoBitrateKbps = rung.VideoBitrateKbps,
                AudioBitrateKbps = muxedKbps,
                PlaylistKey = MediaKeys.RenditionPlaylist(mediaId, rung.Name),
            }),
            .. request.AudioPlaylists.Select(audio => new Rendition
            {
                Name = audio.Name,
                AudioBitrateKbps = audioKbps,
                PlaylistKey = MediaKeys.RenditionPlaylist(mediaId, audio.Name),
                Label = audio.Label,
                Language = audio.Language,
                IsDefault = audio.IsDefault,
            }),
        ];
    }

    private async Task DownloadAsync(string workDirectory, string sourceKey, string sourcePath, CancellationToken cancellationToken)
    {
        try
        {
            await storageRetry.ExecuteAsync("download", sourceKey, token => storage.DownloadToFileAsync(sourceKey, sourcePath, token), cancellationToken);
        }
        catch (ObjectNotFoundException e)
        {
            throw new JobFailedException(JobErrorCodes.SourceMissing, $"The source object '{sourceKey}' does not exist.", permanent: true, e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new JobFailedException(JobErrorCodes.DownloadFailed, $"Downloading the source failed: {Detail(e, workDirectory)}", permanent: false, e);
        }

        if (new FileInfo(sourcePath).Length == 0)
        {
            throw new JobFailedException(JobErrorCodes.SourceEmpty, $"The source object '{sourceKey}' is empty.", permanent: true);
        }
    }

    private async Task<MediaProbe> ProbeAsync(string workDirectory, string sourcePath, CancellationToken cancellationToken)
    {
        MediaProbe probe;
        try
        {
            probe = FfprobeParser.Parse(await tools.ProbeAsync(FfmpegArguments.Ffprobe(sourcePath), cancellationToken));
        }
        catch (Exception e) when (e is ToolFailedException or FormatException)
        {
            throw new JobFailedException(JobErrorCodes.SourceUnreadable, $"The source is not a readable media file: {Detail(e, workDirectory)}", permanent: true, e);
        }

        if (probe.Video is null && probe.Audio is null)
        {
            throw probe.EmptyStreams is { Count: > 0 } empty
                ? new JobFailedException(JobErrorCodes.SourceEmpty, $"The source holds nothing to play: {string.Join("; ", empty)}.", permanent: true)
                : new JobFailedException(JobErrorCodes.NoUsableStream, "The source has neither a video nor an audio stream.", permanent: true);
        }

        return probe;
    }

    /// <summary>
    /// The source's length when its container does not state it: read from the timestamps of every packet, so the
    /// progress bar, the truncation check and the manifest have a real duration. 0 when there are no timestamps.
    /// </summary>
    private async Task<double> DemuxedDurationAsync(string workDirectory, string sourcePath, CancellationToken cancellationToken)
    {
        var demux = new FfmpegProgressParser(0);
        await Step(workDirectory, JobErrorCodes.SourceUnreadable, "Reading the source failed", () => tools.RunFfmpegAsync(
            FfmpegArguments.DemuxDuration(sourcePath), line => demux.Feed(line), cancellationToken), permanent: true);
        return demux.OutTimeSeconds;
    }

    /// <summary>Deinterlacing, frame-rate cap, tone mapping and held last picture for this source; idet runs only when the stream does not say it is interlaced.</summary>
    private async Task<VideoConditioning> ConditioningAsync(string workDirectory, string sourcePath, MediaProbe probe, Guid mediaId, CancellationToken cancellationToken)
    {
        var video = probe.Video!;
        FieldParity? detected = null;
        if (VideoConditioningPlanner.NeedsDetection(video))
        {
            var idetLog = await Step(workDirectory, JobErrorCodes.SourceUnreadable, "Decoding the source failed", () => tools.RunFfmpegAsync(
                FfmpegArguments.InterlaceDetection(sourcePath, video), onProgressLine: null, cancellationToken), permanent: true);
            detected = InterlaceDetection.Parse(idetLog);
        }

        var conditioning = VideoConditioningPlanner.Plan(probe, detected, options.Value.MaxFramesPerSecond);
        Log.ConditioningPlanned(
            logger, mediaId, conditioning.Deinterlace?.ToString() ?? "no", conditioning.FrameRate?.ToString() ?? "as source", conditioning.DynamicRange.ToString(), conditioning.HoldLastSeconds);
        return conditioning;
    }

    /// <summary>Runs one stage and turns a tool or storage failure into a job failure (transient unless said) with the stage's code.</summary>
    private static async Task Step(string workDirectory, string code, string message, Func<Task> stage, bool permanent = false) => await Step(workDirectory, code, message, async () =>
    {
        await stage();
        return true;
    }, permanent);

    private static async Task<T> Step<T>(string workDirectory, string code, string message, Func<Task<T>> stage, bool permanent = false)
    {
        try
        {
            return await stage();
        }
        catch (Exception e) when (e is not OperationCanceledException and not JobFailedException)
        {
            throw new JobFailedException(code, $"{message}: {Detail(e, workDirectory)}", permanent, e);
        }
    }

    /// <summary>What a failure reason says about <paramref name="e"/>: the tool's stderr or the exception's text, made stable.</summary>
    private static string Detail(Exception e, string workDirectory) =>
        FailureText.From(e is ToolFailedException failed ? failed.ErrorOutput : e.Message, workDirectory);
}
