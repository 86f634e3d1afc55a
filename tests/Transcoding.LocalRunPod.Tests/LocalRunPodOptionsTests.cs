using Microsoft.Extensions.Options;
using Transcoding.LocalRunPod.Tests.Support;

namespace Transcoding.LocalRunPod.Tests;

public sealed class LocalRunPodOptionsTests
{
    [Theory]
    [InlineData("LocalRunPod:ApiKey", "", "LocalRunPod:ApiKey is required")]
    [InlineData("LocalRunPod:Workers", "2", "LocalRunPod:WorkerCommand is required when LocalRunPod:Workers > 0")]
    [InlineData("LocalRunPod:PublicBaseUrl", "not a url", "LocalRunPod:PublicBaseUrl must be an absolute URL")]
    public async Task When_the_configuration_is_incomplete_the_server_does_not_start_and_says_why(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LocalRunPodTestServer.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, error.Message);
    }
}
