using Transcoding.Worker.Tests.Jobs;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Waveforms;

/// <summary>The waveform files as BBC waveform-data (what the web player uses) reads them.</summary>
public class WaveformReaderTests(TranscodedVideo video) : IClassFixture<TranscodedVideo>
{
    [Fact]
    public async Task When_waveform_data_reads_both_files_they_agree_with_the_source()
    {
        var read = await NodeChecks.RunAsync("check-waveform.mjs", video.Output("waveform.json"), video.Output("waveform.dat"));

        var expectedLength = 3.0 * 48000 / 256;
        foreach (var format in new[] { "json", "dat" })
        {
            var waveform = read.GetProperty(format);
            Assert.Equal(1, waveform.GetProperty("channels").GetInt32());
            Assert.Equal(48000, waveform.GetProperty("sampleRate").GetInt32());
            Assert.Equal(256, waveform.GetProperty("scale").GetInt32());
            Assert.Equal(8, waveform.GetProperty("bits").GetInt32());
            Assert.InRange(waveform.GetProperty("length").GetInt32(), expectedLength - 5, expectedLength + 10);
            Assert.True(waveform.GetProperty("maxPeak").GetInt32() > 0 && waveform.GetProperty("minPeak").GetInt32() < 0, "a sine wave swings both ways");
        }

        Assert.Equal(read.GetProperty("json").ToString(), read.GetProperty("dat").ToString());
    }
}
