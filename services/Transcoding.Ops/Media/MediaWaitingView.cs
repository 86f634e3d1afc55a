namespace Transcoding.Ops.Media;

/// <summary>Why the current attempt waits without being spent (RunPod refuses the dispatcher's configuration), and since when.</summary>
public sealed record MediaWaitingView(string Reason, DateTimeOffset Since);
