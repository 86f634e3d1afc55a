using System.Net.Http.Headers;
using System.Text.Json;
using Transcoding.Shared;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Worker.Callbacks;

/// <summary>POSTs a <see cref="TranscodeCallback"/> to the gateway, signed the Standard Webhooks way.</summary>
public sealed class CallbackClient(HttpClient http, WebhookSigner signer, TimeProvider time)
{
    public async Task SendAsync(string callbackUrl, TranscodeCallback callback, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(callback, JsonDefaults.Web);
        var webhookId = "msg_" + Guid.NewGuid().ToString("N");
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, callbackUrl)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(WebhookHeaders.Id, webhookId);
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, signer.Sign(webhookId, timestamp, body));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
