using Transcoding.Contracts;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Tests.Infrastructure;

/// <summary>Valid worker reports as the worker sends them; tests change one thing at a time.</summary>
public static class Reports
{
    public static TranscodeOutputs Outputs(Guid mediaId) => OutputsRecords.Valid(mediaId);

    public static TranscodeCallback Completed(Guid mediaId, int attempt = 1) => new()
    {
        MediaId = mediaId,
        Attempt = attempt,
        JobId = "job-" + mediaId.ToString("N")[..8],
        Status = CallbackStatus.Completed,
        Outputs = Outputs(mediaId),
    };

    public static TranscodeCallback Failed(Guid mediaId, int attempt = 1) => Completed(mediaId, attempt) with
    {
        Status = CallbackStatus.Failed,
        Outputs = null,
        Error = new CallbackError("unsupported_input", "No decodable stream", Permanent: true),
    };

    public static TranscodeCallback Progress(Guid mediaId, double percent, int attempt = 1) => Completed(mediaId, attempt) with
    {
        Status = CallbackStatus.Progress,
        Outputs = null,
        Progress = percent,
    };
}
