using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Infrastructure;

/// <summary>One gateway on the test harness per test class, with its own secret and RunPod token key.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public string Secret { get; } = WebhookSecret.Generate();

    public string TokenKey { get; } = GatewayHost.NewTokenKey();

    public RunPodWebhookToken Tokens => new(Convert.FromBase64String(TokenKey));

    public GatewayHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await GatewayHost.StartAsync(GatewayHost.Settings(Secret, TokenKey));

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Every value that must never reach a log line, beyond the secrets themselves.</summary>
    public IEnumerable<string> Secrets() => [Secret, Secret["whsec_".Length..], TokenKey];
}
