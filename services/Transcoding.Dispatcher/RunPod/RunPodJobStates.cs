namespace Transcoding.Dispatcher.RunPod;

public static class RunPodJobStates
{
    public const string InQueue = "IN_QUEUE";
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
    public const string TimedOut = "TIMED_OUT";

    /// <summary>The <c>TranscodeFailed</c> error code for a job that ended without output, or null when it has not failed.</summary>
    public static string? FailureCode(string status) => status switch
    {
        Failed => "job_failed",
        TimedOut => "job_timed_out",
        Cancelled => "job_cancelled",
        _ => null,
    };
}
