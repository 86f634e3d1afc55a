using Microsoft.Extensions.Options;
using Transcoding.Dispatcher.Tests.Support;

namespace Transcoding.Dispatcher.Tests.RunPod;

public sealed class RunPodOptionsTests
{
    [Theory]
    [InlineData("RunPod:ApiKey", "RunPod:ApiKey is required")]
    [InlineData("RunPod:EndpointId", "RunPod:EndpointId is required")]
    [InlineData("RunPod:CallbackBaseUrl", "RunPod:CallbackBaseUrl is required")]
    [InlineData("RunPod:WebhookTokenSecret", "RunPod:WebhookTokenSecret is required")]
    public async Task When_a_required_setting_is_missing_the_dispatcher_does_not_start_and_says_which(string key, string message)
    {
        await using var host = await DispatcherTestHost.StartAsync("http://127.0.0.1:9", withBus: false, new Dictionary<string, string?> { [key] = "" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartHostedServicesAsync());

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task When_the_token_secret_is_not_base64_the_message_does_not_repeat_it()
    {
        const string secret = "not base64 at all!";
        await using var host = await DispatcherTestHost.StartAsync("http://127.0.0.1:9", withBus: false, new Dictionary<string, string?> { ["RunPod:WebhookTokenSecret"] = secret });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartHostedServicesAsync());

        Assert.Contains("RunPod:WebhookTokenSecret must be base64", error.Message);
        Assert.DoesNotContain(secret, error.Message);
    }

    [Theory]
    [InlineData("00:02:00", "00:02:00")]
    [InlineData("00:01:00", "00:02:00")]
    public async Task When_the_dispatch_claim_lease_is_not_longer_than_the_run_call_the_dispatcher_does_not_start(string lease, string totalTimeout)
    {
        await using var host = await DispatcherTestHost.StartAsync("http://127.0.0.1:9", withBus: false, new Dictionary<string, string?>
        {
            ["RunPod:DispatchClaimLease"] = lease,
            ["RunPod:TotalTimeout"] = totalTimeout,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartHostedServicesAsync());

        Assert.Contains("RunPod:DispatchClaimLease must be longer than RunPod:TotalTimeout", error.Message);
    }
}
