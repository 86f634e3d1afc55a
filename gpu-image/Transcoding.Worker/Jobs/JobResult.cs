using Transcoding.Contracts;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Worker.Jobs;

/// <summary>How a job ended: outputs, or an error, or stopped by RunPod (neither, and nothing is reported).</summary>
public sealed record JobResult(TranscodeOutputs? Outputs, CallbackError? Error, bool Stopped = false)
{
    public bool Succeeded => Outputs is not null;

    /// <summary>RunPod stopped the job through its stop channel: no callback, no job-done.</summary>
    public static JobResult StoppedByRunPod { get; } = new(null, null, Stopped: true);

    public static JobResult Success(TranscodeOutputs outputs) => new(outputs, null);

    public static JobResult Failure(string code, string message, bool permanent) => new(null, new CallbackError(code, message, permanent));
}
