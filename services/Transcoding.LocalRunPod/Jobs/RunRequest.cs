using System.Text.Json;

namespace Transcoding.LocalRunPod.Jobs;

/// <summary>The body of <c>/run</c> and <c>/runsync</c>.</summary>
public sealed record RunRequest(JsonElement? Input, string? Webhook, JobPolicy? Policy);

/// <summary>RunPod's per-job policy, in milliseconds.</summary>
public sealed record JobPolicy(long? ExecutionTimeout, long? Ttl);
