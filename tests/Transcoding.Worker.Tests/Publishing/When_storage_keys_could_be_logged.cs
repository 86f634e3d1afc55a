using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Transcoding.Shared.Storage;
using Transcoding.Worker.Jobs;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Publishing;

/// <summary>The worker logging at trace level against a real S3 API: the R2/S3 keys appear in no line, on success or when S3 refuses them.</summary>
public sealed class When_storage_keys_could_be_logged
{
    [Fact]
    public async Task A_job_against_S3_logs_neither_key()
    {
        var options = S3TestServer.Options();
        var (logs, result) = await RunJobAsync(S3TestServer.Settings(options));

        Assert.True(result.Succeeded, result.Error?.Message);
        logs.AssertNoneLogged([options.AccessKeyId!, options.SecretAccessKey!]);
    }

    [Fact]
    public async Task A_job_whose_keys_S3_refuses_fails_without_logging_them()
    {
        var options = S3TestServer.Options();
        options.AccessKeyId = "AKIA" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        options.SecretAccessKey = "wrong-" + Guid.NewGuid().ToString("N");
        var (logs, result) = await RunJobAsync(S3TestServer.Settings(options));

        Assert.False(result.Succeeded);
        Assert.Contains(logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        logs.AssertNoneLogged([options.AccessKeyId, options.SecretAccessKey]);
    }

    /// <summary>The source goes in with the right keys; the job runs with <paramref name="storage"/>'s.</summary>
    private static async Task<(FakeLogCollector Logs, JobResult Result)> RunJobAsync(IDictionary<string, string?> storage)
    {
        var options = S3TestServer.Options();
        using var s3 = S3ObjectStorage.CreateClient(options);
        var key = $"uploads/{Guid.NewGuid():N}.mp4";
        await new S3ObjectStorage(s3, options.Bucket).UploadFileAsync(key, await Clips.VideoWithAudio, "video/mp4", null, CancellationToken.None);

        await using var harness = await WorkerHarness.StartAsync(settings: storage, services: s => s.AddLogging(l => l.AddFakeLogging().SetMinimumLevel(LogLevel.Trace)));
        var result = await harness.Executor.ExecuteAsync("job-keys", WorkerHarness.Input(Guid.NewGuid(), key), null, CancellationToken.None);
        return (harness.Host.Services.GetFakeLogCollector(), result);
    }
}
