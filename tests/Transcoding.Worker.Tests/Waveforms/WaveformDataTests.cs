using System.Buffers.Binary;
using System.Text.Json;
using Transcoding.Worker.Waveforms;

namespace Transcoding.Worker.Tests.Waveforms;

public class WaveformDataTests
{
    private static readonly WaveformData Sample = new(48000, 512, [-3, 4, -128, 127, 0, 0]);

    [Fact]
    public async Task When_written_as_json_it_has_the_audiowaveform_v2_fields()
    {
        using var stream = new MemoryStream();

        await Sample.WriteJsonAsync(stream, CancellationToken.None);

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("version").GetInt32());
        Assert.Equal(1, root.GetProperty("channels").GetInt32());
        Assert.Equal(48000, root.GetProperty("sample_rate").GetInt32());
        Assert.Equal(512, root.GetProperty("samples_per_pixel").GetInt32());
        Assert.Equal(8, root.GetProperty("bits").GetInt32());
        Assert.Equal(3, root.GetProperty("length").GetInt32());
        Assert.Equal([-3, 4, -128, 127, 0, 0], root.GetProperty("data").EnumerateArray().Select(v => v.GetInt32()));
    }

    [Fact]
    public async Task When_written_as_dat_it_has_the_v2_header_then_int8_pairs()
    {
        using var stream = new MemoryStream();

        await Sample.WriteDatAsync(stream, CancellationToken.None);

        var bytes = stream.ToArray();
        Assert.Equal(24 + 6, bytes.Length);
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(0)));
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(48000, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(512, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12)));
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(20)));
        Assert.Equal([-3, 4, -128, 127, 0, 0], bytes[24..].Select(b => (int)(sbyte)b));
    }
}
