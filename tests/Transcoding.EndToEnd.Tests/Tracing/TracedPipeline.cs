using System.Collections.Concurrent;
using System.Diagnostics;

namespace Transcoding.EndToEnd.Tests.Tracing;

/// <summary>
/// The pipeline with tracing collected: the hosts run in this process, so their spans are taken from an activity
/// listener; the worker is a separate process and exports its spans and metrics over OTLP to <see cref="Receiver"/>.
/// </summary>
public sealed class TracedPipeline : Pipeline
{
    public static readonly ActivitySource UpstreamSource = new("Transcoding.EndToEnd.Tests.Upstream");

    private ActivityListener? _listener;

    public OtlpReceiver Receiver { get; private set; } = null!;

    public ConcurrentQueue<Activity> Activities { get; } = new();

    public override async Task InitializeAsync()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        Receiver = await OtlpReceiver.StartAsync();
        await base.InitializeAsync();
    }

    protected override IEnumerable<KeyValuePair<string, string?>> WorkerSettings() =>
    [
        new("LocalRunPod:WorkerEnvironment:OTEL_EXPORTER_OTLP_ENDPOINT", Receiver.Endpoint),
        new("LocalRunPod:WorkerEnvironment:OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
        new("LocalRunPod:WorkerEnvironment:OTEL_BSP_SCHEDULE_DELAY", "200"),
        new("LocalRunPod:WorkerEnvironment:OTEL_METRIC_EXPORT_INTERVAL", "200"),
    ];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _listener?.Dispose();
        await Receiver.DisposeAsync();
    }
}
