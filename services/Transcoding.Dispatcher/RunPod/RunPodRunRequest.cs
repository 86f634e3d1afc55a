using Transcoding.Shared.Jobs;

namespace Transcoding.Dispatcher.RunPod;

/// <summary>The body of <c>POST /v2/{endpointId}/run</c>.</summary>
public sealed record RunPodRunRequest(WorkerJobInput Input, string Webhook, RunPodJobPolicy Policy);
