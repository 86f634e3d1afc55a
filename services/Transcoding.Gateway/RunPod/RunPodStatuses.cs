namespace Transcoding.Gateway.RunPod;

public static class RunPodStatuses
{
    public const string InQueue = "IN_QUEUE";
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
    public const string TimedOut = "TIMED_OUT";

    public static bool IsKnown(string? status) => status is InQueue or InProgress or Completed or Failed or Cancelled or TimedOut;
}
