using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transcoding.Worker.Encoding;
using Transcoding.Worker.Probing;

namespace Transcoding.Worker.Waveforms;

/// <summary>
/// Writes <c>waveform.dat</c> and <c>waveform.json</c>: with audiowaveform when it is installed (the GPU image has it),
/// otherwise from ffmpeg's decoded PCM streamed through <see cref="WaveformAccumulator"/>.
/// </summary>
public sealed class WaveformGenerator(MediaToolRunner runner, IOptions<WorkerOptions> options, ILogger<WaveformGenerator> logger)
{
    public const string Audiowaveform = "audiowaveform";
    public const string BuiltIn = "built-in";

    public async Task<WaveformResult> GenerateAsync(string inputPath, AudioStreamInfo audio, string jsonPath, string datPath, CancellationToken cancellationToken)
    {
        var samplesPerPixel = options.Value.WaveformSamplesPerPixel;
        var tool = ExecutableLocator.Find(options.Value.AudiowaveformPath, Environment.GetEnvironmentVariable("PATH"));
        if (tool is not null)
        {
            var zoom = samplesPerPixel.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await runner.RunPipedAsync(
                FfmpegArguments.WaveformWav(inputPath, audio),
                tool,
                ["--input-format", "wav", "-i", "-", "-o", datPath, "-b", "8", "-z", zoom],
                cancellationToken);

            // The JSON is converted from the .dat, so the source is decoded once.
            await runner.RunToolAsync(tool, ["-i", datPath, "-o", jsonPath], cancellationToken);
            Log.WaveformGenerated(logger, Audiowaveform);
            return new WaveformResult(audio.SampleRate, samplesPerPixel);
        }

        var accumulator = new WaveformAccumulator(samplesPerPixel);
        await runner.RunFfmpegAsync(FfmpegArguments.WaveformPcm(inputPath, audio), (stdout, ct) => ReadAsync(stdout, accumulator, ct), cancellationToken);
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

    private static async Task ReadAsync(Stream pcm, WaveformAccumulator accumulator, CancellationToken cancellationToken)
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
