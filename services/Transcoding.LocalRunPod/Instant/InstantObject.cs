namespace Transcoding.LocalRunPod.Instant;

/// <summary>One object the instant completion writes: its whole key, content type and bytes.</summary>
public sealed record InstantObject(string Key, string ContentType, byte[] Content);
