namespace Transcoding.Testing;

/// <summary>A service process ended before it was ready.</summary>
public sealed class ServiceExitedException(string message) : Exception(message);
