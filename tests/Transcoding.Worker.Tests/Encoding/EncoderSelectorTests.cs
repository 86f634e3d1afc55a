using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Transcoding.Worker.Encoding;

namespace Transcoding.Worker.Tests.Encoding;

public class EncoderSelectorTests
{
    private sealed class FakeProbe(bool nvencWorks) : IEncoderProbe
    {
        public List<VideoEncoder> Probed { get; } = [];

        public Task<bool> WorksAsync(VideoEncoder encoder, CancellationToken cancellationToken)
        {
            Probed.Add(encoder);
            return Task.FromResult(encoder == VideoEncoder.Libx264 || nvencWorks);
        }
    }

    [Theory]
    [InlineData("auto", true, VideoEncoder.H264Nvenc, 1)]
    [InlineData("auto", false, VideoEncoder.Libx264, 1)]
    [InlineData("libx264", true, VideoEncoder.Libx264, 0)]
    [InlineData("h264_nvenc", false, VideoEncoder.H264Nvenc, 0)]
    public async Task When_an_encoder_is_selected_the_override_wins_and_auto_probes_nvenc(string configured, bool nvencWorks, VideoEncoder expected, int probes)
    {
        var probe = new FakeProbe(nvencWorks);
        var selector = new EncoderSelector(probe, Options.Create(new WorkerOptions { Encoder = configured }), NullLogger<EncoderSelector>.Instance);

        Assert.Equal(expected, await selector.SelectAsync());
        Assert.Equal(probes, probe.Probed.Count);
        Assert.All(probe.Probed, encoder => Assert.Equal(VideoEncoder.H264Nvenc, encoder));
    }

    [Fact]
    public async Task When_several_jobs_ask_the_probe_runs_once()
    {
        var probe = new FakeProbe(nvencWorks: false);
        var selector = new EncoderSelector(probe, Options.Create(new WorkerOptions()), NullLogger<EncoderSelector>.Instance);

        await Task.WhenAll(selector.SelectAsync(), selector.SelectAsync(), selector.SelectAsync());

        Assert.Single(probe.Probed);
    }
}
