using System.ComponentModel.DataAnnotations;

namespace Transcoding.Gateway.Options;

/// <summary>Section <c>Webhooks</c>. Secrets come from configuration (e.g. <c>Webhooks__Secrets__0</c>), never from code.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Active <c>whsec_</c> secrets; more than one during a rotation. Reloadable: a removed secret is refused at once.</summary>
    [MinLength(1, ErrorMessage = "Webhooks:Secrets must hold at least one whsec_ secret (e.g. environment variable Webhooks__Secrets__0); the gateway refuses to start without one.")]
    public List<string> Secrets { get; set; } = [];

    /// <summary>Base64 key shared with the dispatcher (<c>RunPod:WebhookTokenSecret</c>) for the RunPod route's URL token.</summary>
    [Required(ErrorMessage = "Webhooks:RunPodTokenSecret must be set (base64 key shared with the dispatcher's RunPod:WebhookTokenSecret); the gateway refuses to start without it.")]
    public string RunPodTokenSecret { get; set; } = "";

    /// <summary>Larger bodies are refused with 413 before any signature work.</summary>
    [Range(1, 16 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long a publish may wait for the broker's confirmation before the delivery is answered 503.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a processed delivery id is remembered; senders retry well within a day.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan DedupTtl { get; set; } = TimeSpan.FromDays(1);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DedupCleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>PostgreSQL for the dedup records; falls back to <c>ConnectionStrings:Postgres</c>, then to memory.</summary>
    public string? DedupConnectionString { get; set; }
}
