using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Transcoding.Gateway.Tests.Infrastructure;
using Transcoding.Shared;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Endpoints;

/// <summary>Interop both ways with the reference implementation, npm <c>standardwebhooks</c>.</summary>
public sealed class StandardWebhooksInteropTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task When_the_reference_implementation_signs_a_callback_the_gateway_accepts_it()
    {
        var mediaId = Guid.NewGuid();
        var payload = JsonSerializer.Serialize(Reports.Completed(mediaId), JsonDefaults.Web);
        var id = $"msg_{Guid.NewGuid():N}";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = await ReferenceImplementation.SignAsync(gateway.Secret, id, timestamp, payload);

        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/transcode") { Content = new StringContent(payload, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookHeaders.Id, id);
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString());
        request.Headers.Add(WebhookHeaders.Signature, signature);
        var response = await gateway.Host.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Single(gateway.Host.PublishedFor(mediaId));
    }

    [Fact]
    public async Task When_our_signer_signs_a_callback_the_reference_implementation_verifies_it()
    {
        var delivery = SignedDelivery.Of(Reports.Completed(Guid.NewGuid()), gateway.Secret);

        var refusal = await ReferenceImplementation.VerifyAsync(gateway.Secret, Headers(delivery), delivery.BodyText);

        Assert.Null(refusal);
    }

    [Fact]
    public async Task When_our_signature_is_checked_with_another_secret_the_reference_implementation_refuses_it()
    {
        var delivery = SignedDelivery.Of(Reports.Completed(Guid.NewGuid()), gateway.Secret);

        var refusal = await ReferenceImplementation.VerifyAsync(WebhookSecret.Generate(), Headers(delivery), delivery.BodyText);

        Assert.Equal("No matching signature found", refusal);
    }

    private static Dictionary<string, string> Headers(SignedDelivery delivery) => new()
    {
        [WebhookHeaders.Id] = delivery.Id,
        [WebhookHeaders.Timestamp] = delivery.Timestamp.ToString(),
        [WebhookHeaders.Signature] = delivery.Signature,
    };
}
