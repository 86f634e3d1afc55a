using Transcoding.Shared.Jobs;

namespace Transcoding.Dispatcher.RunPod;

/// <summary>How the dispatcher names a RunPod job that ended without output.</summary>
public static class RunPodFailureCodes
{
    /// <summary>The <c>TranscodeFailed</c> error code for a job that ended without output, or null when it has not failed.</summary>
    public static string? For(string status) => status switch
    {
        RunPodJobStates.Failed => "job_failed",
        RunPodJobStates.TimedOut => "job_timed_out",
        RunPodJobStates.Cancelled => "job_cancelled",
        _ => null,
    };
}
