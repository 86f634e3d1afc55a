namespace Transcoding.LocalRunPod.Api;

public sealed record PurgeResult(int Removed, string Status);
