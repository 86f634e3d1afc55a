namespace Transcoding.Testing.Chaos;

/// <summary>One request <see cref="CallbackProxy"/> received, in arrival order (<paramref name="Sequence"/> from 1).</summary>
/// <param name="Target">Path and query, as received.</param>
/// <param name="WebhookId">The Standard Webhooks <c>webhook-id</c> header, when present.</param>
public sealed record ProxiedRequest(long Sequence, string Method, string Target, string? WebhookId, CallbackFate Fate);
