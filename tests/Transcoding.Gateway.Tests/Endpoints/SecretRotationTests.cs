using System.Net;
using Transcoding.Gateway.Tests.Infrastructure;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Endpoints;

public sealed class SecretRotationTests : IAsyncLifetime
{
    private readonly string _old = WebhookSecret.Generate();
    private readonly string _new = WebhookSecret.Generate();
    private readonly string _tokenKey = GatewayHost.NewTokenKey();
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = GatewayHost.Settings(_old, _tokenKey);
        settings["Webhooks:Secrets:1"] = _new;
        _host = await GatewayHost.StartAsync(settings);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task When_two_secrets_are_configured_deliveries_signed_with_either_are_accepted()
    {
        var (signedOld, signedNew) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal(HttpStatusCode.NoContent, (await _host.DeliverAsync(Reports.Completed(signedOld), _old)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _host.DeliverAsync(Reports.Completed(signedNew), _new)).StatusCode);

        Assert.Single(_host.PublishedFor(signedOld));
        Assert.Single(_host.PublishedFor(signedNew));
    }

    [Fact]
    public async Task When_the_old_secret_is_removed_from_configuration_it_is_refused_and_the_new_one_still_works()
    {
        _host.ReplaceConfiguration(GatewayHost.Settings(_new, _tokenKey));
        var (signedOld, signedNew) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.DeliverAsync(Reports.Completed(signedOld), _old)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _host.DeliverAsync(Reports.Completed(signedNew), _new)).StatusCode);

        Assert.Empty(_host.PublishedFor(signedOld));
        Assert.Single(_host.PublishedFor(signedNew));
    }

    [Fact]
    public async Task When_a_reload_leaves_no_valid_secret_every_delivery_on_both_routes_is_refused()
    {
        _host.ReplaceConfiguration(new Dictionary<string, string?> { ["Webhooks:RunPodTokenSecret"] = _tokenKey });
        var mediaId = Guid.NewGuid();
        var token = new RunPodWebhookToken(Convert.FromBase64String(_tokenKey)).Create(mediaId, 1);

        var signed = await _host.DeliverAsync(Reports.Completed(mediaId), _new);
        var runPod = await _host.Client.PostAsync($"/webhooks/runpod/{mediaId:D}/1/{token}", new StringContent("""{"id":"j","status":"FAILED"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, signed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, runPod.StatusCode);
        Assert.Empty(_host.PublishedFor(mediaId));
        Assert.Contains(_host.Logs.GetSnapshot(), record => record.Message.Contains("configuration is invalid", StringComparison.Ordinal));
    }
}
