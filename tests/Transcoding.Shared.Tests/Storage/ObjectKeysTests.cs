using Transcoding.Shared.Storage;

namespace Transcoding.Shared.Tests.Storage;

public sealed class ObjectKeysTests
{
    [Theory]
    [InlineData("uploads/5a4f/clip.mp4")]
    [InlineData("media/5a4f/hls/720p/seg_00001.ts")]
    [InlineData("uploads/vidéo d'été (1).mov")]
    [InlineData("a..b/c.d")]
    public void When_a_key_is_relative_and_plain_it_is_valid(string key) => Assert.Null(ObjectKeys.Problem(key));

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("../../../etc/hostname", "must be relative, without empty, '.' or '..' segments")]
    [InlineData("uploads/../media/x", "must be relative, without empty, '.' or '..' segments")]
    [InlineData("/uploads/a.mp4", "must be relative, without empty, '.' or '..' segments")]
    [InlineData("uploads//a.mp4", "must be relative, without empty, '.' or '..' segments")]
    [InlineData("uploads/./a.mp4", "must be relative, without empty, '.' or '..' segments")]
    [InlineData("uploads\\a.mp4", "contains a control character or a backslash")]
    [InlineData("uploads/a\n.mp4", "contains a control character or a backslash")]
    public void When_a_key_could_escape_or_is_malformed_the_problem_is_named(string key, string problem) =>
        Assert.Equal(problem, ObjectKeys.Problem(key));

    [Fact]
    public void When_a_key_is_over_1024_bytes_of_utf8_it_is_too_long()
    {
        Assert.Null(ObjectKeys.Problem(new string('a', 1024)));
        Assert.Equal("is longer than 1024 bytes", ObjectKeys.Problem(new string('é', 513)));
    }
}
