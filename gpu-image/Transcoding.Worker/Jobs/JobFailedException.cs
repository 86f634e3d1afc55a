namespace Transcoding.Worker.Jobs;

/// <summary>A job failure with the code and permanence the gateway and saga act on.</summary>
public sealed class JobFailedException(string code, string message, bool permanent, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;

    public bool Permanent { get; } = permanent;
}
