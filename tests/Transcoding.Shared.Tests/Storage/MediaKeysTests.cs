using Transcoding.Contracts;
using Transcoding.Shared.Storage;

namespace Transcoding.Shared.Tests.Storage;

public sealed class MediaKeysTests
{
    private const string Prefix = "media/0f8e6a5d-3c2b-4a19-8d7e-6f5a4b3c2d1e/";
    private static readonly Guid MediaId = Guid.Parse("0f8e6a5d-3c2b-4a19-8d7e-6f5a4b3c2d1e");

    [Fact]
    public void When_keys_are_named_they_follow_the_conventions_layout()
    {
        Assert.Equal(
            [Prefix, Prefix + "hls/", Prefix + "hls/master.m3u8", Prefix + "hls/720p/index.m3u8", Prefix + "hls/audio-2/index.m3u8", Prefix + "manifest.json", Prefix + "poster.jpg", Prefix + "waveform.json", Prefix + "waveform.dat"],
            [MediaKeys.Prefix(MediaId), MediaKeys.HlsFolder(MediaId), MediaKeys.MasterPlaylist(MediaId), MediaKeys.RenditionPlaylist(MediaId, "720p"), MediaKeys.RenditionPlaylist(MediaId, "audio-2"), MediaKeys.Manifest(MediaId), MediaKeys.Poster(MediaId), MediaKeys.WaveformJson(MediaId), MediaKeys.WaveformDat(MediaId)]);
    }

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
    public void When_a_key_is_checked_only_keys_strictly_under_the_items_prefix_pass(string? key, bool expected)
    {
        Assert.Equal(expected, MediaKeys.IsOf(MediaId, key));
    }

    [Fact]
    public void When_outputs_are_listed_every_key_is_included_manifest_first()
    {
        var outputs = new TranscodeOutputs
        {
            MasterPlaylistKey = MediaKeys.MasterPlaylist(MediaId),
            ManifestKey = MediaKeys.Manifest(MediaId),
            Renditions = [new Rendition { Name = "360p", PlaylistKey = MediaKeys.RenditionPlaylist(MediaId, "360p") }],
            PosterKey = MediaKeys.Poster(MediaId),
            Waveform = new WaveformOutput { JsonKey = MediaKeys.WaveformJson(MediaId), DatKey = MediaKeys.WaveformDat(MediaId) },
            Storyboard = new StoryboardOutput { ImageKey = MediaKeys.StoryboardImage(MediaId), VttKey = MediaKeys.StoryboardVtt(MediaId) },
        };

        Assert.Equal(
            [outputs.ManifestKey, outputs.MasterPlaylistKey, outputs.Renditions[0].PlaylistKey, outputs.PosterKey, outputs.Waveform.JsonKey, outputs.Waveform.DatKey,
             outputs.Storyboard.ImageKey, outputs.Storyboard.VttKey],
            MediaKeys.Of(outputs));
    }
}
