namespace Transcoding.Orchestrator.Saga;

/// <summary>The state names of the conventions, as the status API shows them.</summary>
public static class MediaStates
{
    public const string Uploaded = "uploaded";
    public const string Transcoding = "transcoding";
    public const string Ready = "ready";
    public const string Failed = "failed";
}
