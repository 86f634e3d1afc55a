namespace Transcoding.Shared.Jobs;

/// <summary>RunPod's job states, as its API, its job webhook and our local stand-in spell them.</summary>
public static class RunPodJobStates
{
    public const string InQueue = "IN_QUEUE";
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
    public const string TimedOut = "TIMED_OUT";

    public static bool IsKnown(string? status) => status is InQueue or InProgress || IsFinal(status);

    public static bool IsFinal(string? status) => status is Completed or Failed or Cancelled or TimedOut;
}
