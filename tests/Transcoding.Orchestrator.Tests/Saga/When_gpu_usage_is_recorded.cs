using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;
using Transcoding.ServiceDefaults;

namespace Transcoding.Orchestrator.Tests.Saga;

/// <summary>RunPod's delayTime/executionTime per attempt: asked for when an attempt ends, recorded in any state.</summary>
public sealed class When_gpu_usage_is_recorded
{
    [Fact]
    public async Task When_an_attempt_completes_its_usage_is_asked_for_and_media_ready_carries_what_is_known()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Dispatched(attempt: 1);
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();

        var measure = Assert.Single(await h.Published<MeasureTranscodeUsage>());
        Assert.Equal((h.MediaId, 1, "job-1"), (measure.MediaId, measure.Attempt, measure.JobId));
        var usage = Assert.Single(await h.Published<MediaReady>()).Usage;
        var attempt = Assert.Single(usage.Attempts);
        Assert.Equal((1, "job-1", MediaStates.Ready, "libx264"), (attempt.Attempt, attempt.JobId, attempt.Outcome, attempt.Encoder));
        Assert.Null(attempt.ExecutionTimeMs);
        Assert.False(usage.Complete);
    }

    [Fact]
    public async Task When_the_usage_arrives_after_ready_it_is_recorded_once_and_announced_once()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();

        await h.Measured(attempt: 1, delayTimeMs: 824, executionTimeMs: 12_345);
        await h.Consumed<TranscodeUsageMeasured>();
        await h.Measured(attempt: 1, delayTimeMs: 1, executionTimeMs: 1);
        await h.Consumed<TranscodeUsageMeasured>(2);

        var attempt = Assert.Single((await h.Instance()).Attempts);
        Assert.Equal((824L, 12_345L, 12.345), (attempt.DelayTimeMs, attempt.ExecutionTimeMs, attempt.GpuSeconds));
        Assert.NotNull(attempt.MeasuredAt);
        Assert.Equal(MediaStates.Ready, await h.State());
        var report = Assert.Single(await h.Published<MediaGpuUsageReported>());
        Assert.True(report.Usage.Complete);
        Assert.Equal(12.345, report.Usage.GpuSeconds);
        Assert.Null(report.Usage.EstimatedCostUsd);
    }

    [Fact]
    public async Task When_a_failed_attempt_is_measured_while_the_retry_runs_nothing_is_announced_and_media_ready_carries_it()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Fail(attempt: 1, permanent: false);
        await h.Consumed<TranscodeFailed>();
        Assert.Equal(1, Assert.Single(await h.Published<MeasureTranscodeUsage>()).Attempt);

        await h.Measured(attempt: 1, delayTimeMs: 500, executionTimeMs: 3_000);
        await h.Consumed<TranscodeUsageMeasured>();
        Assert.Equal(MediaStates.Transcoding, await h.State());
        Assert.Empty(await h.Published<MediaGpuUsageReported>());

        await h.Complete(attempt: 2);
        await h.Consumed<TranscodeCompleted>();

        var usage = Assert.Single(await h.Published<MediaReady>()).Usage;
        Assert.Equal([(1, MediaStates.Failed, 3_000L), (2, MediaStates.Ready, (long?)null)], usage.Attempts.Select(a => (a.Attempt, a.Outcome, a.ExecutionTimeMs)));
        Assert.Equal(3.0, usage.GpuSeconds);
        Assert.False(usage.Complete);
        Assert.Equal([1, 2], (await h.Published<MeasureTranscodeUsage>()).Select(m => m.Attempt));
    }

    [Fact]
    public async Task When_an_item_is_cancelled_its_attempt_is_measured_with_outcome_cancelled()
    {
        await using var h = await SagaHarness.StartAsync();
        await h.Upload();
        await h.Cancel();
        await h.Consumed<CancelMediaTranscode>();

        Assert.Equal(1, Assert.Single(await h.Published<MeasureTranscodeUsage>()).Attempt);
        Assert.Equal(TranscodeStateMachine.CancelledErrorCode, Assert.Single(Assert.Single(await h.Published<MediaTranscodeFailed>()).Usage.Attempts).Outcome);
    }

    [Fact]
    public async Task When_a_price_is_configured_each_attempt_gets_an_estimated_cost()
    {
        await using var h = await SagaHarness.StartAsync(gpuSecondPriceUsd: 0.0002m);
        await h.Upload();
        await h.Complete(attempt: 1);
        await h.Consumed<TranscodeCompleted>();
        await h.Measured(attempt: 1, delayTimeMs: 100, executionTimeMs: 60_000);
        await h.Consumed<TranscodeUsageMeasured>();

        Assert.Equal(0.012m, Assert.Single((await h.Instance()).Attempts).EstimatedCostUsd);
        Assert.Equal(0.012m, Assert.Single(await h.Published<MediaGpuUsageReported>()).Usage.EstimatedCostUsd);
    }

    [Fact]
    public async Task When_an_attempt_is_measured_its_gpu_seconds_are_recorded_by_outcome_and_encoder()
    {
        await using var h = await SagaHarness.StartAsync();
        using var gpuSeconds = new MetricCollector<double>(h.Services.GetRequiredService<IMeterFactory>(), Telemetry.SourceName, "transcoding.attempt.gpu_seconds");
        await h.Upload();
        await h.Fail(attempt: 1, permanent: false);
        await h.Consumed<TranscodeFailed>();
        await h.Complete(attempt: 2);
        await h.Consumed<TranscodeCompleted>();

        await h.Measured(attempt: 1, delayTimeMs: 10, executionTimeMs: 2_500);
        await h.Measured(attempt: 2, delayTimeMs: 10, executionTimeMs: 40_000);
        await h.Consumed<TranscodeUsageMeasured>(2);

        Assert.Equal(
            [(2.5, MediaStates.Failed, "unknown"), (40.0, MediaStates.Ready, "libx264")],
            gpuSeconds.GetMeasurementSnapshot().Select(m => (m.Value, (string)m.Tags["outcome"]!, (string)m.Tags["encoder"]!)).OrderBy(m => m.Value));
    }
}
