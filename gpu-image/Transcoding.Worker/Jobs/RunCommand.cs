using System.Text.Json;
using Microsoft.Extensions.Logging;
using Transcoding.Shared;

namespace Transcoding.Worker.Jobs;

/// <summary><c>run --input job.json</c>: the same job RunPod would hand over, read from a file.</summary>
public sealed class RunCommand(JobExecutor executor, ILogger<RunCommand> logger)
{
    public async Task<int> ExecuteAsync(string inputPath, CancellationToken cancellationToken)
    {
        RunPodJob? job;
        try
        {
            await using var file = File.OpenRead(inputPath);
            job = await JsonSerializer.DeserializeAsync<RunPodJob>(file, JsonDefaults.Web, cancellationToken);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            Log.JobFileUnreadable(logger, inputPath, e.Message);
            return 2;
        }

        var jobId = string.IsNullOrEmpty(job?.Id) ? "local-" + Guid.NewGuid().ToString("N") : job.Id;
        var result = await executor.ExecuteAsync(jobId, job?.Input, reportProgress: null, cancellationToken);
        Console.Out.WriteLine(result.Succeeded
            ? JsonSerializer.Serialize(result.Outputs, JsonDefaults.Web)
            : JsonSerializer.Serialize(result.Error, JsonDefaults.Web));
        return result.Succeeded ? 0 : 1;
    }
}
