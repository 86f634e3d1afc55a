using Transcoding.Shared.Jobs;

namespace Transcoding.Worker.Jobs;

/// <summary>Failure codes in callbacks and RunPod errors. Permanent ones are about the input and never retried.</summary>
public static class JobErrorCodes
{
    public const string InvalidInput = "invalid_input";
    public const string SourceMissing = "source_missing";
    /// <summary>The source object has no bytes, or its video and audio streams hold no frames or samples.</summary>
    public const string SourceEmpty = "source_empty";
    public const string SourceUnreadable = "source_unreadable";
    /// <summary>
    /// The source ends before the duration its container states (an upload cut short); ffmpeg said so while it encoded.
    /// See <see cref="Validation.SourceTruncation"/>.
    /// </summary>
    public const string SourceTruncated = "source_truncated";
    public const string NoUsableStream = "no_usable_stream";
    public const string DownloadFailed = "download_failed";
    public const string EncodeFailed = "encode_failed";
    public const string WaveformFailed = "waveform_failed";
    public const string UploadFailed = "upload_failed";

    /// <summary>
    /// The worker's own output broke a rule of <see cref="Validation.HlsOutputValidator"/>. Not permanent: the input
    /// may be fine and the cause ours or the machine's (a full disk, a killed ffmpeg); one retry is bounded and cheap.
    /// The same code as a RunPod completion whose outputs record breaks the layout (<see cref="RunPodJobReport"/>).
    /// </summary>
    public const string OutputInvalid = RunPodJobReport.OutputInvalidCode;
    public const string WorkerShutdown = "worker_shutdown";
    public const string InternalError = "internal_error";
}
