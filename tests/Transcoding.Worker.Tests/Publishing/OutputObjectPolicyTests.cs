using Transcoding.Worker.Publishing;

namespace Transcoding.Worker.Tests.Publishing;

public class OutputObjectPolicyTests
{
    [Theory]
    [InlineData("hls/720p/segment_00000.ts", "video/mp2t", "public, max-age=31536000, immutable", 0)]
    [InlineData("hls/audio/segment_00003.ts", "video/mp2t", "public, max-age=31536000, immutable", 0)]
    [InlineData("poster.jpg", "image/jpeg", "public, max-age=86400", 0)]
    [InlineData("waveform.json", "application/json", "public, max-age=86400", 0)]
    [InlineData("waveform.dat", "application/octet-stream", "public, max-age=86400", 0)]
    [InlineData("storyboard.jpg", "image/jpeg", "public, max-age=86400", 0)]
    [InlineData("storyboard.vtt", "text/vtt", "public, max-age=86400", 0)]
    [InlineData("hls/720p/index.m3u8", "application/vnd.apple.mpegurl", "public, max-age=300", 1)]
    [InlineData("hls/master.m3u8", "application/vnd.apple.mpegurl", "public, max-age=300", 2)]
    [InlineData("manifest.json", "application/json", "no-cache", 3)]
    public void When_an_output_is_uploaded_it_gets_its_type_cache_policy_and_phase(string path, string contentType, string cacheControl, int phase)
    {
        Assert.Equal(new OutputObject(contentType, cacheControl, phase), OutputObjectPolicy.Describe(path));
    }
}
