namespace Transcoding.LocalRunPod.Jobs;

public static class JobStates
{
    public const string InQueue = "IN_QUEUE";
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
    public const string TimedOut = "TIMED_OUT";

    public static bool IsFinal(string status) => status is Completed or Failed or Cancelled or TimedOut;
}
