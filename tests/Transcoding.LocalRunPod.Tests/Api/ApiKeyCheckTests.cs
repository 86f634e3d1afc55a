using Transcoding.LocalRunPod.Api;

namespace Transcoding.LocalRunPod.Tests.Api;

public sealed class ApiKeyCheckTests
{
    [Theory]
    [InlineData("Bearer secret-key", true)]
    [InlineData("bearer secret-key", true)]
    [InlineData("secret-key", true)] // the worker SDK sends the bare key
    [InlineData("Bearer other-key", false)]
    [InlineData("secret-ke", false)]
    [InlineData("Bearer ", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void When_a_request_presents_a_key_only_the_configured_one_passes(string? authorization, bool expected) =>
        Assert.Equal(expected, ApiKeyCheck.IsAuthorized(authorization, "secret-key"));

    [Fact]
    public void When_no_key_is_configured_nothing_passes() => Assert.False(ApiKeyCheck.IsAuthorized("", ""));
}
