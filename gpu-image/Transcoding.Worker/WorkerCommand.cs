namespace Transcoding.Worker;

public enum WorkerMode
{
    /// <summary><c>run --input job.json</c>: one job, exit code tells how it went.</summary>
    Run,

    /// <summary>RunPod's worker loop; the default when <c>RUNPOD_WEBHOOK_GET_JOB</c> is set.</summary>
    Serverless,
}

/// <summary>The command line: <c>run --input job.json</c>, <c>serverless</c>, or nothing (serverless when RunPod's variables are there).</summary>
public sealed record WorkerCommand(WorkerMode Mode, string? InputPath)
{
    public const string Usage = "usage: Transcoding.Worker run --input job.json | Transcoding.Worker serverless (default when RUNPOD_WEBHOOK_GET_JOB is set)";

    /// <returns>The command, or null when the arguments make no sense (print <see cref="Usage"/>).</returns>
    public static WorkerCommand? Parse(IReadOnlyList<string> args, string? runPodGetJobUrl) => args switch
    {
        ["run", "--input" or "-i", var path] when !string.IsNullOrWhiteSpace(path) => new WorkerCommand(WorkerMode.Run, path),
        ["serverless"] => new WorkerCommand(WorkerMode.Serverless, null),
        [] when !string.IsNullOrWhiteSpace(runPodGetJobUrl) => new WorkerCommand(WorkerMode.Serverless, null),
        _ => null,
    };
}
