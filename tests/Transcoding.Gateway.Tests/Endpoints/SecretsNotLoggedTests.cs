using System.Diagnostics;
using System.Net;
using System.Text;
using Transcoding.Gateway.Tests.Infrastructure;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Endpoints;

/// <summary>
/// Drives every kind of delivery, accepted and refused, through one gateway logging at Trace level, then searches
/// every captured line and every request span for secrets, signatures and RunPod tokens.
/// </summary>
public sealed class SecretsNotLoggedTests : IAsyncLifetime
{
    private readonly string _secret = WebhookSecret.Generate();
    private readonly string _rotated = WebhookSecret.Generate();
    private readonly string _tokenKey = GatewayHost.NewTokenKey();
    private readonly List<Activity> _spans = [];
    private readonly ActivityListener _listener;
    private GatewayHost _host = null!;

    public SecretsNotLoggedTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (_spans) { _spans.Add(activity); } },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public async Task InitializeAsync()
    {
        var settings = GatewayHost.Settings(_secret, _tokenKey);
        settings["Webhooks:Secrets:1"] = _rotated;
        _host = await GatewayHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task When_every_kind_of_delivery_has_been_handled_no_secret_signature_or_token_was_logged_or_traced()
    {
        var tokens = new RunPodWebhookToken(Convert.FromBase64String(_tokenKey));
        var mediaId = Guid.NewGuid();
        var forbidden = new List<string> { _secret, _secret["whsec_".Length..], _rotated, _rotated["whsec_".Length..], _tokenKey };

        async Task Send(SignedDelivery delivery, HttpRequestMessage? request = null)
        {
            forbidden.Add(delivery.Signature);
            forbidden.Add(delivery.Signature["v1,".Length..]);
            await _host.SendAsync(request ?? delivery.ToRequest());
        }

        async Task SendRunPod(Guid media, int attempt, string token, string body)
        {
            forbidden.Add(token);
            await _host.Client.PostAsync($"/webhooks/runpod/{media:D}/{attempt}/{token}", new StringContent(body, Encoding.UTF8, "application/json"));
        }

        var accepted = SignedDelivery.Of(Reports.Completed(mediaId), _secret);
        await Send(accepted);
        await Send(accepted);
        await Send(SignedDelivery.Of(Reports.Progress(mediaId, 10), _rotated));
        await Send(SignedDelivery.Of(Reports.Completed(mediaId), WebhookSecret.Generate()));
        await Send(accepted, accepted.ToRequest(body: Encoding.UTF8.GetBytes("{}")));
        await Send(SignedDelivery.Of(Reports.Completed(mediaId), _secret, DateTimeOffset.UtcNow.AddMinutes(-6)));
        await Send(SignedDelivery.Of(Encoding.UTF8.GetBytes("not json"), _secret));
        await Send(SignedDelivery.Of(Reports.Completed(mediaId, attempt: 0), _secret));
        await SendRunPod(mediaId, 2, tokens.Create(mediaId, 2), """{"id":"j","status":"FAILED","error":"boom"}""");
        await SendRunPod(mediaId, 3, tokens.Create(mediaId, 2), """{"id":"j","status":"FAILED","error":"boom"}""");
        await SendRunPod(mediaId, 4, tokens.Create(mediaId, 4), "not json");
        _host.ReplaceConfiguration(GatewayHost.Settings(_rotated, _tokenKey));
        await Send(SignedDelivery.Of(Reports.Completed(mediaId), _secret));

        Assert.Equal(3, _host.PublishedFor(mediaId).Count);
        _host.Logs.AssertNoneLogged(forbidden);
        lock (_spans)
        {
            Assert.NotEmpty(_spans);
            foreach (var span in _spans)
            {
                var text = string.Join('\n', [span.DisplayName, .. span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}")]);
                Assert.DoesNotContain(forbidden, value => text.Contains(value, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task When_a_delivery_is_refused_the_log_names_the_reason_and_the_webhook_id()
    {
        var refused = SignedDelivery.Of(Reports.Completed(Guid.NewGuid()), WebhookSecret.Generate());

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(refused.ToRequest())).StatusCode);

        var line = Assert.Single(_host.Logs.GetSnapshot(), record => record.Message.Contains(refused.Id, StringComparison.Ordinal));
        Assert.Contains(nameof(WebhookVerificationResult.NoMatchingSignature), line.Message);
    }
}
