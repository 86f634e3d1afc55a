namespace Transcoding.Dispatcher.RunPod;

/// <summary>RunPod kept failing (429, 5xx, timeouts) after the HTTP retries: the command may succeed later.</summary>
public sealed class RunPodUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
