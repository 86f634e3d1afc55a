using Microsoft.Extensions.Options;
using Transcoding.Gateway.Tests.Infrastructure;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Options;

public sealed class StartupTests
{
    public static TheoryData<string, Dictionary<string, string?>, string> BrokenSettings => new()
    {
        { "no secret", new() { ["Webhooks:RunPodTokenSecret"] = GatewayHost.NewTokenKey() }, "Webhooks:Secrets must hold at least one whsec_ secret" },
        { "no RunPod token key", new() { ["Webhooks:Secrets:0"] = WebhookSecret.Generate() }, "Webhooks:RunPodTokenSecret must be set" },
        { "short secret", new() { ["Webhooks:Secrets:0"] = "whsec_c2hvcnQ=", ["Webhooks:RunPodTokenSecret"] = GatewayHost.NewTokenKey() }, "Webhooks:Secrets:0 must be 'whsec_' followed by base64" },
        { "zero body limit", new(GatewayHost.Settings(WebhookSecret.Generate(), GatewayHost.NewTokenKey())) { ["Webhooks:MaxBodyBytes"] = "0" }, "MaxBodyBytes" },
    };

    [Theory]
    [MemberData(nameof(BrokenSettings))]
    public async Task When_the_webhook_configuration_is_incomplete_the_gateway_refuses_to_start_and_says_why(string scenario, Dictionary<string, string?> settings, string message)
    {
        await using var app = GatewayHost.Build(settings, GatewayHost.Bus.Harness, out _);

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.True(exception.Message.Contains(message, StringComparison.Ordinal), $"{scenario}: {exception.Message}");
        Assert.DoesNotContain(settings.Values, value => value!.Length > 8 && exception.Message.Contains(value, StringComparison.Ordinal));
    }
}
