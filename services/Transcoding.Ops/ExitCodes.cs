namespace Transcoding.Ops;

/// <summary>Exit codes scripts can rely on; documented in the README and in <c>--help</c>.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The operation failed, or only part of it succeeded (some messages could not be replayed).</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments, or a destructive command without confirmation in a non-interactive run.</summary>
    public const int Usage = 2;

    public const int NotFound = 3;

    /// <summary>The orchestrator refused (409), e.g. a retry outside <c>failed</c> or with no attempts left, a cancel of a ready or failed item.</summary>
    public const int Conflict = 4;

    /// <summary>The broker, its management API or the status API could not be reached or refused our credentials.</summary>
    public const int Unavailable = 5;

    /// <summary>Ctrl+C (SIGINT): the command stopped after putting back every message it held.</summary>
    public const int Interrupted = 130;
}
