using Microsoft.Extensions.Options;
using Transcoding.LocalRunPod.Tests.Support;

namespace Transcoding.LocalRunPod.Tests;

public sealed class LocalRunPodOptionsTests
{
    [Theory]
    [InlineData("LocalRunPod:ApiKey", "", "LocalRunPod:ApiKey is required")]
    [InlineData("LocalRunPod:Workers", "2", "LocalRunPod:WorkerCommand is required when LocalRunPod:Workers > 0")]
    [InlineData("LocalRunPod:PublicBaseUrl", "not a url", "LocalRunPod:PublicBaseUrl must be an absolute URL")]
    [InlineData("LocalRunPod:JobTakeWait", "00:01:30", "LocalRunPod:JobTakeWait must be at least 0 and below 90 s")]
    [InlineData("LocalRunPod:StopGracePeriod", "00:00:00", "LocalRunPod:StopGracePeriod must be positive")]
    [InlineData("LocalRunPod:StopResendInterval", "-00:00:01", "LocalRunPod:StopResendInterval must be positive")]
    [InlineData("LocalRunPod:WorkerPingInterval", "00:00:01.500", "LocalRunPod:WorkerPingInterval must be whole seconds, at least 1: runpod-python floors RUNPOD_PING_INTERVAL to seconds")]
    [InlineData("LocalRunPod:WorkerPingInterval", "00:00:00", "LocalRunPod:WorkerPingInterval must be whole seconds, at least 1")]
    [InlineData("LocalRunPod:WorkerPingTimeout", "00:00:20", "LocalRunPod:WorkerPingTimeout must exceed twice LocalRunPod:WorkerPingInterval")]
    public async Task When_the_configuration_is_incomplete_the_server_does_not_start_and_says_why(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LocalRunPodTestServer.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("00:01:30")]
    [InlineData("00:05:00")]
    public async Task When_the_stop_wait_is_90_seconds_or_more_the_server_does_not_start_and_says_why(string wait)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            LocalRunPodTestServer.StartAsync(new Dictionary<string, string?> { ["LocalRunPod:JobStopWait"] = wait }));

        Assert.Contains("LocalRunPod:JobStopWait must be at least 0 and below 90 s: runpod-python abandons a poll after 90 s", error.Message);
    }

    [Fact]
    public async Task When_the_stop_wait_is_just_below_90_seconds_the_server_starts()
    {
        await using var server = await LocalRunPodTestServer.StartAsync(new Dictionary<string, string?> { ["LocalRunPod:JobStopWait"] = "00:01:29.999" });
    }
}
