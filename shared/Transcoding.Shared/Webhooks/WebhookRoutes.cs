namespace Transcoding.Shared.Webhooks;

/// <summary>
/// The gateway's two webhook routes, as the gateway maps them and the dispatcher hands them to jobs (conventions.md,
/// "Worker → gateway callback"). The RunPod route carries a credential, the per-job <see cref="RunPodWebhookToken"/>,
/// in its last segment: <see cref="Redaction.UrlRedaction"/> keeps it out of logs and telemetry.
/// </summary>
public static class WebhookRoutes
{
    /// <summary>The worker's signed (Standard Webhooks) reports.</summary>
    public const string Transcode = "/webhooks/transcode";

    /// <summary>RunPod's unsigned job webhook; everything below it identifies a job and holds its token.</summary>
    public const string RunPod = "/webhooks/runpod";

    /// <summary>The RunPod route's template: what logs and spans show in place of a real path below <see cref="RunPod"/>.</summary>
    public const string RunPodTemplate = RunPod + "/{mediaId}/{attempt}/{token}";

    /// <summary>The RunPod webhook URL of one attempt under the gateway's public base URL (no trailing slash needed).</summary>
    public static string RunPodUrl(string gatewayBaseUrl, Guid mediaId, int attempt, string token) =>
        $"{gatewayBaseUrl.TrimEnd('/')}{RunPod}/{mediaId:D}/{attempt}/{Uri.EscapeDataString(token)}";

    /// <summary>The worker's callback URL under the gateway's public base URL.</summary>
    public static string TranscodeUrl(string gatewayBaseUrl) => gatewayBaseUrl.TrimEnd('/') + Transcode;
}
