using System.Buffers.Binary;
using System.Text.Json;

namespace Transcoding.Worker.Waveforms;

/// <summary>
/// One channel of 8-bit min/max pairs in the audiowaveform formats (version 2) that BBC waveform-data reads:
/// JSON with <c>data</c> as [min, max, ...] and the binary <c>.dat</c> (24-byte little-endian header, then int8 pairs).
/// </summary>
public sealed record WaveformData(int SampleRate, int SamplesPerPixel, sbyte[] MinMax)
{
    public const int Version = 2;
    private const int Bits = 8;
    private const int Channels = 1;
    private const uint EightBitFlag = 1;

    public int Length => MinMax.Length / 2;

    public async Task WriteJsonAsync(Stream target, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(target);
        writer.WriteStartObject();
        writer.WriteNumber("version", Version);
        writer.WriteNumber("channels", Channels);
        writer.WriteNumber("sample_rate", SampleRate);
        writer.WriteNumber("samples_per_pixel", SamplesPerPixel);
        writer.WriteNumber("bits", Bits);
        writer.WriteNumber("length", Length);
        writer.WriteStartArray("data");
        foreach (var value in MinMax)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    public async Task WriteDatAsync(Stream target, CancellationToken cancellationToken)
    {
        var header = new byte[24];
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(0), Version);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), EightBitFlag);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), SamplesPerPixel);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), (uint)Length);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(20), Channels);
        await target.WriteAsync(header, cancellationToken);
        await target.WriteAsync((byte[])(Array)MinMax, cancellationToken);
    }
}
