using System.Diagnostics.Metrics;
using Transcoding.ServiceDefaults;

namespace Transcoding.Orchestrator.Saga;

/// <summary>
/// The saga's instruments on the <c>Transcoding</c> meter. Counted when a step runs: a step replayed after a
/// concurrency conflict or a crash counts again, so these are rates to watch, not a ledger (the saga table is that).
/// </summary>
public sealed class TranscodeMetrics
{
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _failures;
    private readonly Histogram<int> _attempts;
    private readonly Histogram<double> _gpuSeconds;

    public TranscodeMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.SourceName);
        _transitions = meter.CreateCounter<long>("transcoding.media.transitions", "{transition}",
            "State transitions of media items, by from and to state: the flow through uploaded, transcoding, ready and failed.");
        _failures = meter.CreateCounter<long>("transcoding.media.failures", "{failure}",
            "Failed attempts, by error code and whether the failure is permanent.");
        _attempts = meter.CreateHistogram<int>("transcoding.media.attempts", "{attempt}",
            "GPU jobs a media item used when it reached ready or failed, by outcome.");
        _gpuSeconds = meter.CreateHistogram<double>("transcoding.attempt.gpu_seconds", "s",
            "RunPod executionTime of each ended attempt, by outcome (ready, failed, cancelled) and encoder (unknown unless it completed); the sum is the GPU time to pay for.");
    }

    public void Transition(string? from, string to) =>
        _transitions.Add(1, new KeyValuePair<string, object?>("from", from ?? "none"), new KeyValuePair<string, object?>("to", to));

    public void Failure(string code, bool permanent) =>
        _failures.Add(1, new KeyValuePair<string, object?>("code", code), new KeyValuePair<string, object?>("permanent", permanent));

    public void Finished(string outcome, int attempts) => _attempts.Record(attempts, new KeyValuePair<string, object?>("outcome", outcome));

    public void GpuSeconds(double seconds, string? outcome, string? encoder) => _gpuSeconds.Record(seconds,
        new KeyValuePair<string, object?>("outcome", outcome ?? "unknown"), new KeyValuePair<string, object?>("encoder", string.IsNullOrEmpty(encoder) ? "unknown" : encoder));
}
