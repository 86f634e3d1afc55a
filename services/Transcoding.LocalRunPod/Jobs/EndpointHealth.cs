namespace Transcoding.LocalRunPod.Jobs;

/// <summary>The body of <c>/health</c>, in RunPod's shape.</summary>
public sealed record EndpointHealth(JobCounts Jobs, WorkerCounts Workers);

public sealed record JobCounts(int Completed, int Failed, int InProgress, int InQueue, int Retried);

public sealed record WorkerCounts(int Idle, int Running);
