using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Transcoding.Shared;
using Transcoding.Shared.Webhooks;

namespace Transcoding.LocalRunPod.Instant;

/// <summary>
/// POSTs a <see cref="TranscodeCallback"/> to the gateway's <c>/webhooks/transcode</c> exactly as the worker does
/// (conventions.md, "Worker → gateway callback"): camelCase JSON, <c>webhook-id</c> <c>msg_…</c>,
/// <c>webhook-timestamp</c> in Unix seconds, <c>webhook-signature</c> <c>v1,…</c> under
/// <see cref="LocalRunPodOptions.InstantCallbackSecret"/>. Throws <see cref="HttpRequestException"/> when the gateway
/// does not answer 2xx.
/// </summary>
public sealed class SignedCallbackSender(IHttpClientFactory httpClients, IOptions<LocalRunPodOptions> options, TimeProvider time)
{
    public const string HttpClientName = "LocalRunPod.Callbacks";

    // Made on first use: the secret is only required (and validated at start-up) when the instant completion is on.
    private readonly Lazy<WebhookSigner> _signer = new(() => new WebhookSigner(WebhookSecret.Parse(options.Value.InstantCallbackSecret ?? "")));

    public async Task SendAsync(string callbackUrl, TranscodeCallback callback, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(callback, JsonDefaults.Web);
        var webhookId = $"msg_{Guid.NewGuid():N}";
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, callbackUrl)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(WebhookHeaders.Id, webhookId);
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, _signer.Value.Sign(webhookId, timestamp, body));
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
