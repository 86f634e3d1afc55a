using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;
using Transcoding.ServiceDefaults;

namespace Transcoding.Orchestrator.Tests.Saga;

/// <summary>The saga's instruments: transitions by state, failures by code, attempts used at the end.</summary>
public sealed class When_the_saga_records_metrics
{
    [Fact]
    public async Task A_transient_then_a_permanent_failure_count_each_transition_failure_and_the_attempts_used()
    {
        await using var h = await SagaHarness.StartAsync();
        var meters = h.Services.GetRequiredService<IMeterFactory>();
        using var transitions = new MetricCollector<long>(meters, Telemetry.SourceName, "transcoding.media.transitions");
        using var failures = new MetricCollector<long>(meters, Telemetry.SourceName, "transcoding.media.failures");
        using var attempts = new MetricCollector<int>(meters, Telemetry.SourceName, "transcoding.media.attempts");

        await h.Upload();
        await h.Fail(attempt: 1, permanent: false);
        await h.Consumed<TranscodeFailed>();
        await h.Fail(attempt: 2, permanent: true, code: "source_unreadable");
        await h.Consumed<TranscodeFailed>(2);
        Assert.Equal(MediaStates.Failed, await h.State());

        Assert.Equal(
            [
                ("none", MediaStates.Uploaded), (MediaStates.Uploaded, MediaStates.Transcoding), (MediaStates.Transcoding, MediaStates.Failed),
                (MediaStates.Failed, MediaStates.Uploaded), (MediaStates.Uploaded, MediaStates.Transcoding), (MediaStates.Transcoding, MediaStates.Failed),
            ],
            transitions.GetMeasurementSnapshot().Select(m => ((string)m.Tags["from"]!, (string)m.Tags["to"]!)));
        Assert.Equal(
            [("worker_crashed", false), ("source_unreadable", true)],
            failures.GetMeasurementSnapshot().Select(m => ((string)m.Tags["code"]!, (bool)m.Tags["permanent"]!)));
        var finished = Assert.Single(attempts.GetMeasurementSnapshot());
        Assert.Equal((2, MediaStates.Failed), (finished.Value, (string)finished.Tags["outcome"]!));
    }

    [Fact]
    public async Task A_completion_records_one_attempt_used_with_outcome_ready()
    {
        await using var h = await SagaHarness.StartAsync();
        using var attempts = new MetricCollector<int>(h.Services.GetRequiredService<IMeterFactory>(), Telemetry.SourceName, "transcoding.media.attempts");

        await h.Upload();
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();

        var finished = Assert.Single(attempts.GetMeasurementSnapshot());
        Assert.Equal((1, MediaStates.Ready), (finished.Value, (string)finished.Tags["outcome"]!));
    }
}
