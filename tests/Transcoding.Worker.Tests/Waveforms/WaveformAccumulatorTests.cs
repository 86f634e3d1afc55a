using Transcoding.Worker.Waveforms;

namespace Transcoding.Worker.Tests.Waveforms;

public class WaveformAccumulatorTests
{
    private static byte[] Pcm(params short[] samples) => [.. samples.SelectMany(BitConverter.GetBytes)];

    [Theory]
    [InlineData(2, new short[] { 0, 256, -256, 512 }, new sbyte[] { 0, 1, -1, 2 })]
    [InlineData(4, new short[] { 0, 256, -256, 512 }, new sbyte[] { -1, 2 })]
    [InlineData(3, new short[] { 32767, -32768, 0, 100 }, new sbyte[] { -128, 127, 0, 0 })]
    [InlineData(2, new short[] { -1, -1 }, new sbyte[] { -1, -1 })]
    [InlineData(256, new short[] { }, new sbyte[] { })]
    public void When_pcm_is_folded_each_pixel_holds_the_min_and_max_in_8_bits(int samplesPerPixel, short[] samples, sbyte[] expected)
    {
        var accumulator = new WaveformAccumulator(samplesPerPixel);

        accumulator.Add(Pcm(samples));
        var waveform = accumulator.Complete(44100);

        Assert.Equal(expected, waveform.MinMax);
        Assert.Equal(expected.Length / 2, waveform.Length);
        Assert.Equal((44100, samplesPerPixel), (waveform.SampleRate, waveform.SamplesPerPixel));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void When_a_sample_is_split_across_reads_it_is_joined(int chunk)
    {
        var pcm = Pcm(1000, -3000, 20000, -20000, 7, 9);
        var whole = new WaveformAccumulator(2);
        whole.Add(pcm);
        var pieces = new WaveformAccumulator(2);

        foreach (var part in pcm.Chunk(chunk))
        {
            pieces.Add(part);
        }

        Assert.Equal(whole.Complete(8000).MinMax, pieces.Complete(8000).MinMax);
    }
}
