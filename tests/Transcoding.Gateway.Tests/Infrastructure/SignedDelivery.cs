using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Transcoding.Shared;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Infrastructure;

/// <summary>A worker callback as the worker sends it: JSON body, Standard Webhooks headers from <see cref="WebhookSigner"/>.</summary>
public sealed record SignedDelivery(string Id, long Timestamp, string Signature, byte[] Body)
{
    public static SignedDelivery Of(TranscodeCallback report, string secret, DateTimeOffset? at = null, string? id = null) =>
        Of(JsonSerializer.SerializeToUtf8Bytes(report, JsonDefaults.Web), secret, at, id);

    public static SignedDelivery Of(byte[] body, string secret, DateTimeOffset? at = null, string? id = null)
    {
        var webhookId = id ?? $"msg_{Guid.NewGuid():N}";
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        return new SignedDelivery(webhookId, timestamp, new WebhookSigner(WebhookSecret.Parse(secret)).Sign(webhookId, timestamp, body), body);
    }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public HttpRequestMessage ToRequest(bool withId = true, bool withTimestamp = true, bool withSignature = true, byte[]? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/transcode") { Content = new ByteArrayContent(body ?? Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (withId)
        {
            request.Headers.Add(WebhookHeaders.Id, Id);
        }

        if (withTimestamp)
        {
            request.Headers.Add(WebhookHeaders.Timestamp, Timestamp.ToString());
        }

        if (withSignature)
        {
            request.Headers.Add(WebhookHeaders.Signature, Signature);
        }

        return request;
    }
}
