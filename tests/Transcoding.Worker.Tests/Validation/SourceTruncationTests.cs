using Transcoding.Worker.Validation;

namespace Transcoding.Worker.Tests.Validation;

public class SourceTruncationTests
{
    private const string PartialFile = "[mov,mp4,m4a,3gp,3g2,mj2] stream 1, offset 0x26389: partial file";

    [Theory]
    [InlineData(new[] { 3.6 }, 6.0, PartialFile, 3.6)]
    [InlineData(new[] { 3.6, 3.52 }, 6.0, PartialFile, 3.6)]
    [InlineData(new double[0], 6.0, "[matroska,webm] File ended prematurely", 0.0)]
    [InlineData(new[] { 5.49 }, 6.0, PartialFile, 5.49)]
    [InlineData(new[] { 5.5 }, 6.0, PartialFile, null)]
    [InlineData(new[] { 3.6, 6.0 }, 6.0, PartialFile, null)]
    [InlineData(new[] { 2.0 }, 5.0, "", null)]
    [InlineData(new[] { 2.0 }, 5.0, " ", null)]
    [InlineData(new[] { 3.6 }, 0.0, PartialFile, null)]
    [InlineData(new[] { 6.2 }, 6.0, PartialFile, null)]
    public void When_the_output_is_short_the_source_is_blamed_only_past_the_tolerance_and_with_ffmpeg_s_word(double[] written, double probed, string errors, double? decodable)
    {
        Assert.Equal(decodable, SourceTruncation.DecodableSeconds(written, probed, errors));
    }
}
