using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Transcoding.Shared.Tracing;

/// <summary>
/// Root decisions for the services and the worker: a client call (HTTP or database) made outside any message, request
/// or job is a background poll (the scheduler's every second, the worker's job-take, the queue-depth reading) and would
/// each be a trace of its own, so it is dropped; every other root span is sampled, and child spans follow their parent.
/// </summary>
public sealed class BackgroundCallSampler : Sampler
{
    private BackgroundCallSampler()
    {
    }

    public static Sampler Create() => new ParentBasedSampler(new BackgroundCallSampler());

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        new(samplingParameters.Kind == ActivityKind.Client ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
}
