namespace Transcoding.Worker.Serverless;

/// <summary>job-take answered 429: wait before asking again.</summary>
public sealed class RunPodThrottledException() : Exception("RunPod asked the worker to slow down (429).");
