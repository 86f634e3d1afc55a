namespace Transcoding.Dispatcher.RunPod;

/// <summary>RunPod's per-job <c>policy</c>; both values in milliseconds.</summary>
public sealed record RunPodJobPolicy(long ExecutionTimeout, long Ttl);
