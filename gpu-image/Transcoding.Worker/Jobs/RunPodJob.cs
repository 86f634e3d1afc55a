using Transcoding.Shared.Jobs;

namespace Transcoding.Worker.Jobs;

/// <summary>A job as RunPod hands it over (job-take response) and as <c>run --input job.json</c> reads it.</summary>
public sealed record RunPodJob
{
    public string Id { get; init; } = "";

    public WorkerJobInput? Input { get; init; }
}
