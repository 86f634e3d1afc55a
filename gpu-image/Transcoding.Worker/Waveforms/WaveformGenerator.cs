using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transcoding.Worker.Encoding;
using Transcoding.Worker.Probing;

namespace Transcoding.Worker.Waveforms;

/// <summary>
/// Writes <c>waveform.dat</c> and <c>waveform.json</c> from the PCM the job's ffmpeg run writes to stdout
/// (<see cref="FfmpegArguments.Hls"/>), while it runs: with audiowaveform when it is installed (the GPU image has it),
/// which reads WAV from its stdin, otherwise through <see cref="WaveformAccumulator"/> from raw PCM.
/// </summary>
public sealed class WaveformGenerator(MediaToolRunner runner, IOptions<WorkerOptions> options, ILogger<WaveformGenerator> logger)
{
    public const string Audiowaveform = "audiowaveform";
    public const string BuiltIn = "built-in";

    /// <summary>Looked up once: the image does not change while the worker runs.</summary>
    private readonly Lazy<string?> _tool = new(() => ExecutableLocator.Find(options.Value.AudiowaveformPath, Environment.GetEnvironmentVariable("PATH")));

    /// <summary>
    /// The container ffmpeg must write the PCM in for <see cref="ReadAsync"/>: <c>wav</c> for audiowaveform (it needs
    /// the header), <c>s16le</c> (raw) for the built-in reader.
    /// </summary>
    public string PcmFormat => _tool.Value is null ? "s16le" : "wav";

    /// <summary>
    /// Reads mono 16-bit PCM of <paramref name="audio"/> in <see cref="PcmFormat"/> to its end and writes both files.
    /// </summary>
    /// <exception cref="ToolFailedException">audiowaveform failed.</exception>
    public async Task<WaveformResult> ReadAsync(Stream pcm, AudioStreamInfo audio, string jsonPath, string datPath, CancellationToken cancellationToken)
    {
        var samplesPerPixel = options.Value.WaveformSamplesPerPixel;
        if (_tool.Value is { } tool)
        {
            var zoom = samplesPerPixel.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await runner.RunToolAsync(tool, ["--input-format", "wav", "-i", "-", "-o", datPath, "-b", "8", "-z", zoom], pcm, cancellationToken);

            // The JSON is converted from the .dat, so the PCM is read once.
            await runner.RunToolAsync(tool, ["-i", datPath, "-o", jsonPath], cancellationToken);
            Log.WaveformGenerated(logger, Audiowaveform);
            return new WaveformResult(audio.SampleRate, samplesPerPixel);
        }

        var accumulator = new WaveformAccumulator(samplesPerPixel);
        await AccumulateAsync(pcm, accumulator, cancellationToken);
        var waveform = accumulator.Complete(audio.SampleRate);
        await using (var json = File.Create(jsonPath))
        {
            await waveform.WriteJsonAsync(json, cancellationToken);
        }

        await using (var dat = File.Create(datPath))
        {
            await waveform.WriteDatAsync(dat, cancellationToken);
        }

        Log.WaveformGenerated(logger, BuiltIn);
        return new WaveformResult(waveform.SampleRate, samplesPerPixel);
    }

    private static async Task AccumulateAsync(Stream pcm, WaveformAccumulator accumulator, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await pcm.ReadAsync(buffer, cancellationToken)) > 0)
            {
                accumulator.Add(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
