using Transcoding.Gateway.Callbacks;
using Transcoding.Gateway.Tests.Infrastructure;

namespace Transcoding.Gateway.Tests.Callbacks;

public sealed class OutputKeysTests
{
    private const string Prefix = "media/0f8e6a5d-3c2b-4a19-8d7e-6f5a4b3c2d1e/";

    [Theory]
    [InlineData(Prefix + "hls/master.m3u8", true)]
    [InlineData(Prefix + "hls/720p/index.m3u8", true)]
    [InlineData(Prefix + "poster.jpg", true)]
    [InlineData(Prefix + "..hidden", true)]
    [InlineData(Prefix, false)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("poster.jpg", false)]
    [InlineData("/" + Prefix + "poster.jpg", false)]
    [InlineData("MEDIA/0f8e6a5d-3c2b-4a19-8d7e-6f5a4b3c2d1e/poster.jpg", false)]
    [InlineData("media/0f8e6a5d-3c2b-4a19-8d7e-6f5a4b3c2d1eX/poster.jpg", false)]
    [InlineData("media/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d/poster.jpg", false)]
    [InlineData(Prefix + "../1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d/poster.jpg", false)]
    [InlineData(Prefix + "hls/../../other/x", false)]
    [InlineData(Prefix + "./poster.jpg", false)]
    [InlineData(Prefix + "hls//index.m3u8", false)]
    [InlineData(Prefix + "hls/", false)]
    [InlineData(Prefix + "hls\\..\\..\\x", false)]
    [InlineData(Prefix + "poster\n.jpg", false)]
    public void When_a_key_is_checked_only_keys_strictly_under_the_prefix_pass(string? key, bool expected)
    {
        Assert.Equal(expected, OutputKeys.IsUnder(Prefix, key));
    }

    [Fact]
    public void When_outputs_are_listed_every_key_is_included()
    {
        var mediaId = Guid.NewGuid();
        var outputs = Reports.Outputs(mediaId);

        var keys = OutputKeys.All(outputs).ToList();

        Assert.Equal(
            [outputs.MasterPlaylistKey, outputs.ManifestKey, outputs.Renditions[0].PlaylistKey, outputs.PosterKey, outputs.Waveform!.JsonKey, outputs.Waveform.DatKey],
            keys);
    }
}
