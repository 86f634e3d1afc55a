namespace Transcoding.Worker.Waveforms;

/// <summary>
/// Folds a stream of signed 16-bit little-endian mono PCM into min/max pairs, one per <c>samplesPerPixel</c>
/// samples, without keeping the samples: memory grows with the number of pixels only.
/// </summary>
public sealed class WaveformAccumulator(int samplesPerPixel)
{
    private readonly List<sbyte> _minMax = [];
    private int _count;
    private short _min = short.MaxValue;
    private short _max = short.MinValue;
    private byte? _pendingLowByte;

    /// <summary>Adds raw PCM bytes; a sample split across two calls is joined.</summary>
    public void Add(ReadOnlySpan<byte> pcm)
    {
        if (_pendingLowByte is { } low && pcm.Length > 0)
        {
            AddSample((short)(low | (pcm[0] << 8)));
            _pendingLowByte = null;
            pcm = pcm[1..];
        }

        var whole = pcm.Length & ~1;
        for (var i = 0; i < whole; i += 2)
        {
            AddSample((short)(pcm[i] | (pcm[i + 1] << 8)));
        }

        if (whole < pcm.Length)
        {
            _pendingLowByte = pcm[whole];
        }
    }

    /// <summary>Closes the last, partial pixel and returns the waveform.</summary>
    public WaveformData Complete(int sampleRate)
    {
        if (_count > 0)
        {
            Flush();
        }

        return new WaveformData(sampleRate, samplesPerPixel, [.. _minMax]);
    }

    private void AddSample(short sample)
    {
        _min = Math.Min(_min, sample);
        _max = Math.Max(_max, sample);
        if (++_count == samplesPerPixel)
        {
            Flush();
        }
    }

    private void Flush()
    {
        // 16 to 8 bits the way audiowaveform does it: keep the high byte.
        _minMax.Add((sbyte)(_min >> 8));
        _minMax.Add((sbyte)(_max >> 8));
        _count = 0;
        _min = short.MaxValue;
        _max = short.MinValue;
    }
}
