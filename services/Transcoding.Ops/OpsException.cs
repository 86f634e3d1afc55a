namespace Transcoding.Ops;

/// <summary>An expected failure with the exit code it maps to; its message is shown to the operator as is.</summary>
public sealed class OpsException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
