namespace Transcoding.Contracts;

/// <summary>Why the current attempt waits, e.g. "RunPod refused the API key (HTTP 401 on run): check RunPod:ApiKey.", and since when.</summary>
public sealed record MediaWaiting(string Reason, DateTimeOffset Since);
