using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Transcoding.Worker.Jobs;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Jobs;

/// <summary>The worker measures its encode speed against the source's duration, per encoder.</summary>
public sealed class When_a_job_is_encoded
{
    [Fact]
    public async Task Encode_seconds_per_media_second_is_recorded_once_with_the_encoder()
    {
        await using var harness = await WorkerHarness.StartAsync();
        using var speed = new MetricCollector<double>(
            harness.Host.Services.GetRequiredService<IMeterFactory>(), WorkerMetrics.MeterName, "transcoding.worker.encode_seconds_per_media_second");

        var result = await harness.Executor.ExecuteAsync("job-metrics", WorkerHarness.Input(Guid.NewGuid(), await harness.UploadSourceAsync(await Clips.VideoWithAudio)), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        var measurement = Assert.Single(speed.GetMeasurementSnapshot());
        Assert.Equal("libx264", measurement.Tags["encoder"]);
        Assert.InRange(measurement.Value, 0.001, 100);
    }
}
