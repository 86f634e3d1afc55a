namespace Transcoding.LocalRunPod.Api;

public sealed record ApiError(string Error);
