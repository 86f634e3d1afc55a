using System.Diagnostics.Metrics;

namespace Transcoding.Worker.Jobs;

/// <summary>The worker's instruments, on the <c>Transcoding.Worker</c> meter (exported with its traces over OTLP).</summary>
public sealed class WorkerMetrics
{
    public const string MeterName = "Transcoding.Worker";

    private readonly Histogram<double> _encodeSpeed;

    public WorkerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _encodeSpeed = meter.CreateHistogram<double>("transcoding.worker.encode_seconds_per_media_second", "s/s",
            "Wall time of the ladder encode divided by the source's duration, by encoder: below 1 is faster than real time.");
    }

    public void Encoded(TimeSpan elapsed, double mediaSeconds, string encoder)
    {
        if (mediaSeconds > 0)
        {
            _encodeSpeed.Record(elapsed.TotalSeconds / mediaSeconds, new KeyValuePair<string, object?>("encoder", encoder));
        }
    }
}
