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
using Transcoding.Worker.Validation;
using Transcoding.Worker.Waveforms;

namespace Transcoding.Worker.Jobs;

/// <summary>
/// One job's work in a private folder: fetch the source, probe, encode the ladder in one ffmpeg run, waveform,
/// poster, then upload with manifest.json last. Every failure leaves as a <see cref="JobFailedException"/>. The
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
    /// <summary>Share of the progress bar the encode takes; waveform, poster and upload share the rest.</summary>
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

        var request = new HlsEncodeRequest(sourcePath, hlsDirectory, probe, rungs, encoder ?? VideoEncoder.Libx264, settings.EncodeSettings, conditioning);
        var parser = new FfmpegProgressParser(probe.DurationSeconds);
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

        WaveformOutput? waveform = null;
        if (probe.Audio is not null)
        {
            var result = await Step(workDirectory, JobErrorCodes.WaveformFailed, "Generating the waveform failed", () => waveforms.GenerateAsync(
                sourcePath,
                probe.Audio,
                Path.Combine(outputDirectory, MediaKeys.WaveformJsonName),
                Path.Combine(outputDirectory, MediaKeys.WaveformDatName),
                cancellationToken));
            waveform = new WaveformOutput
            {
                JsonKey = MediaKeys.WaveformJson(mediaId),
                DatKey = MediaKeys.WaveformDat(mediaId),
                SampleRate = result.SampleRate,
                SamplesPerPixel = result.SamplesPerPixel,
            };
        }

        progress(EncodeShare + 5);

        var posterKey = probe.Video is null ? null : await PosterAsync(workDirectory, sourcePath, probe, conditioning, rungs[0], Path.Combine(outputDirectory, MediaKeys.PosterName), mediaId, cancellationToken);

        var outputs = new TranscodeOutputs
        {
            MasterPlaylistKey = MediaKeys.MasterPlaylist(mediaId),
            Renditions = Renditions(mediaId, request),
            DurationSeconds = Math.Round(probe.DurationSeconds, 3),
            PosterKey = posterKey,
            Waveform = waveform,
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

    /// <summary>
    /// The poster's key, or null when no frame could be had. When the seek lands past the last frame (a one-frame
    /// source) ffmpeg exits 0 without a file, so the first frames are tried: a player shows a poster before playback
    /// and any real frame beats a blank tile. A key is only returned for a non-empty file.
    /// </summary>
    private async Task<string?> PosterAsync(string workDirectory, string sourcePath, MediaProbe probe, VideoConditioning? conditioning, PlannedRung size, string posterPath, Guid mediaId, CancellationToken cancellationToken)
    {
        foreach (var fromStart in new[] { false, true })
        {
            await Step(workDirectory, JobErrorCodes.PosterFailed, "Extracting the poster failed", () => tools.RunFfmpegAsync(
                FfmpegArguments.Poster(sourcePath, probe, size, posterPath, fromStart, conditioning),
                onOutputLine: null,
                cancellationToken));
            if (new FileInfo(posterPath) is { Exists: true, Length: > 0 })
            {
                return MediaKeys.Poster(mediaId);
            }
        }

        File.Delete(posterPath);
        return null;
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
                FfmpegArguments.InterlaceDetection(sourcePath, video), onOutputLine: null, cancellationToken), permanent: true);
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
