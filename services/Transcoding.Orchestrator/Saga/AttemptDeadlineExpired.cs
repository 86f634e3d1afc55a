namespace Transcoding.Orchestrator.Saga;

/// <summary>Scheduled by the saga itself for each attempt: no callback came in time, so ask RunPod.</summary>
public sealed record AttemptDeadlineExpired
{
    public Guid MediaId { get; init; }
    public int Attempt { get; init; }
}
