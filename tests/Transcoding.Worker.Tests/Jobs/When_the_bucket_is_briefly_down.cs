using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Transcoding.Shared.Storage;
using Transcoding.Testing.Chaos;
using Transcoding.Worker.Jobs;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Jobs;

/// <summary>
/// A job against a real s3rver of this class's own that goes down and comes back (issue 15's chaos run: a 10 s
/// outage cost an item its retry): the storage steps wait within Storage:OutageBudget, a missing source still
/// fails at once, and an outage longer than the budget fails the job transiently as before.
/// </summary>
public sealed class When_the_bucket_is_briefly_down(TestInfraSet servers) : IClassFixture<TestInfraSet>
{
    private static readonly string RetryCategory = typeof(StorageRetry).FullName!;

    [Fact]
    public async Task The_download_waits_for_the_bucket_and_the_job_completes()
    {
        await using var harness = await HarnessAsync(budget: "00:01:00");
        var key = await harness.UploadSourceAsync(await Clips.VideoWithAudio);

        await servers.StopS3Async();
        Task<JobResult> job;
        try
        {
            job = harness.Executor.ExecuteAsync("job-outage", WorkerHarness.Input(Guid.NewGuid(), key), null, CancellationToken.None);
            await Eventually.Until(() => Task.FromResult(Retries(harness)), retries => retries.Count > 0, "the first retry of the download");
        }
        finally
        {
            await servers.StartS3Async();
        }

        var result = await job;
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.All(Retries(harness), retry => Assert.StartsWith($"Storage download of {key} failed transiently (", retry.Message));
    }

    [Fact]
    public async Task A_missing_source_fails_source_missing_without_a_retry()
    {
        await using var harness = await HarnessAsync(budget: "00:01:00");

        var result = await harness.Executor.ExecuteAsync("job-missing", WorkerHarness.Input(Guid.NewGuid(), "uploads/never-uploaded.mp4"), null, CancellationToken.None);

        Assert.Equal((JobErrorCodes.SourceMissing, true), (result.Error?.Code, result.Error?.Permanent));
        Assert.Empty(Retries(harness));
    }

    [Fact]
    public async Task An_outage_longer_than_the_budget_fails_the_download_transiently()
    {
        await using var harness = await HarnessAsync(budget: "00:00:02");
        var key = await harness.UploadSourceAsync(await Clips.VideoWithAudio);

        await servers.StopS3Async();
        JobResult result;
        try
        {
            result = await harness.Executor.ExecuteAsync("job-long-outage", WorkerHarness.Input(Guid.NewGuid(), key), null, CancellationToken.None);
        }
        finally
        {
            await servers.StartS3Async();
        }

        Assert.Equal((JobErrorCodes.DownloadFailed, false), (result.Error?.Code, result.Error?.Permanent));
        Assert.NotEmpty(Retries(harness));
    }

    private Task<WorkerHarness> HarnessAsync(string budget) => WorkerHarness.StartAsync(
        settings: new Dictionary<string, string?>(S3TestServer.Settings(TestInfraS3.Options(servers))) { ["Storage:OutageBudget"] = budget },
        services: services =>
        {
            services.AddLogging(logging => logging.AddFakeLogging());
            services.AddSingleton(TestInfraS3.Storage(servers));
        });

    private static IReadOnlyList<FakeLogRecord> Retries(WorkerHarness harness) =>
        [.. harness.Host.Services.GetFakeLogCollector().GetSnapshot().Where(record => record.Category == RetryCategory && record.Level == LogLevel.Warning)];
}
