namespace Transcoding.EndToEnd.Tests;

/// <param name="LoseCallbacks">The gateway refuses every callback (wrong secrets), so only status polling can finish a job.</param>
/// <param name="AttemptTimeout">How long the saga waits for a callback before it asks the dispatcher to poll RunPod.</param>
/// <param name="LogLevel">What every host and the worker log into <see cref="Pipeline.Logs"/>: debug for tests, less for benchmarks.</param>
/// <param name="DispatcherApiKey">The RunPod key the dispatcher starts with, when not the endpoint's own (a mistyped key in a deploy).</param>
public sealed record PipelineSettings(bool LoseCallbacks = false, TimeSpan AttemptTimeout = default, string LogLevel = "Debug", string? DispatcherApiKey = null)
{
    public TimeSpan AttemptTimeout { get; init; } = AttemptTimeout == default ? TimeSpan.FromMinutes(10) : AttemptTimeout;
}
