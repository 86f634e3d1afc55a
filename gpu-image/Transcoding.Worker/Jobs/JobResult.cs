using Transcoding.Contracts;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Worker.Jobs;

public sealed record JobResult(TranscodeOutputs? Outputs, CallbackError? Error)
{
    public bool Succeeded => Outputs is not null;

    public static JobResult Success(TranscodeOutputs outputs) => new(outputs, null);

    public static JobResult Failure(string code, string message, bool permanent) => new(null, new CallbackError(code, message, permanent));
}
