using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.LocalRunPod.Jobs;
using Transcoding.Shared;
using Transcoding.Shared.Jobs;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;

namespace Transcoding.LocalRunPod.Instant;

/// <summary>
/// For load tests only (<see cref="LocalRunPodOptions.InstantCompletion"/>): does for one job what the worker does, in
/// its order, without encoding: checks the source is there, writes <see cref="InstantOutputs"/> to the bucket
/// (<c>manifest.json</c> last), sends the signed callback, and answers the report the worker posts on
/// <c>job-done</c>: <c>{"output": outputs}</c>, or an error whose text is the JSON of a <see cref="CallbackError"/>
/// carrying the worker's codes (gpu-image <c>JobErrorCodes</c>). The source is never decoded: only a missing or empty
/// source fails, permanently, as it would on the worker; a storage failure fails transiently once the worker's
/// outage budget is spent (<see cref="StorageRetry"/>, the same rule and pipeline as the worker's download and uploads).
/// </summary>
public sealed class InstantCompletion(IObjectStorage storage, StorageRetry storageRetry, SignedCallbackSender callbacks, ILogger<InstantCompletion> logger)
{
    public const string InvalidInput = "invalid_input";
    public const string SourceMissing = "source_missing";
    public const string SourceEmpty = "source_empty";
    public const string DownloadFailed = "download_failed";
    public const string UploadFailed = "upload_failed";

    public async Task<WorkerReport> CompleteAsync(string jobId, JsonElement input, CancellationToken cancellationToken)
    {
        if (Parse(input) is not { } job)
        {
            return Report(new CallbackError(InvalidInput, "The job input is not a transcode request (mediaId, attempt, sourceKey, callbackUrl).", Permanent: true));
        }

        var error = await CheckSourceAsync(job.SourceKey, cancellationToken) ?? await WriteOutputsAsync(job.MediaId, cancellationToken);
        var outputs = error is null ? InstantOutputs.Record(job.MediaId) : null;
        await SendCallbackAsync(jobId, job, outputs, error, cancellationToken);
        Log.InstantCompleted(logger, jobId, job.MediaId, error?.Code ?? CallbackStatus.Completed);
        return error is null
            ? new WorkerReport(WorkerReportKind.Completed, JsonSerializer.SerializeToElement(outputs, JsonDefaults.Web), null)
            : Report(error);
    }

    /// <summary>The worker's input checks (gpu-image JobExecutor): JSON nulls included, a callback URL is empty or
    /// absolute http(s).</summary>
    private static WorkerJobInput? Parse(JsonElement input)
    {
        try
        {
            return input.Deserialize<WorkerJobInput>(JsonDefaults.Web) is { } job
                   && job.MediaId != Guid.Empty
                   && !string.IsNullOrWhiteSpace(job.SourceKey)
                   && ObjectKeys.Problem(job.SourceKey) is null
                   && (string.IsNullOrEmpty(job.CallbackUrl)
                       || (Uri.TryCreate(job.CallbackUrl, UriKind.Absolute, out var callback) && (callback.Scheme == Uri.UriSchemeHttp || callback.Scheme == Uri.UriSchemeHttps)))
                ? job
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<CallbackError?> CheckSourceAsync(string sourceKey, CancellationToken cancellationToken)
    {
        try
        {
            var read = await storageRetry.ExecuteAsync("read", sourceKey, async token =>
            {
                await using var source = await storage.OpenReadAsync(sourceKey, token);
                return await source.ReadAsync(new byte[1], token);
            }, cancellationToken);
            return read == 0 ? new CallbackError(SourceEmpty, "The source object has no bytes.", Permanent: true) : null;
        }
        catch (ObjectNotFoundException)
        {
            return new CallbackError(SourceMissing, "The source object does not exist.", Permanent: true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new CallbackError(DownloadFailed, $"Reading the source failed ({e.GetType().Name}).", Permanent: false);
        }
    }

    private async Task<CallbackError?> WriteOutputsAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var item in InstantOutputs.Objects(mediaId))
            {
                await storageRetry.ExecuteAsync("upload", item.Key, async token =>
                {
                    using var content = new MemoryStream(item.Content, writable: false);
                    await storage.UploadAsync(item.Key, content, item.ContentType, cacheControl: null, token);
                }, cancellationToken);
            }

            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new CallbackError(UploadFailed, $"Writing the outputs failed ({e.GetType().Name}).", Permanent: false);
        }
    }

    /// <summary>As the worker: a lost callback is logged, and RunPod's own webhook and status still tell how the job ended.</summary>
    private async Task SendCallbackAsync(string jobId, WorkerJobInput job, TranscodeOutputs? outputs, CallbackError? error, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(job.CallbackUrl))
        {
            return;
        }

        try
        {
            await callbacks.SendAsync(job.CallbackUrl, new TranscodeCallback
            {
                MediaId = job.MediaId,
                Attempt = job.Attempt,
                JobId = jobId,
                Status = error is null ? CallbackStatus.Completed : CallbackStatus.Failed,
                Outputs = outputs,
                Error = error,
            }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.InstantCallbackNotSent(logger, jobId, e.GetType().Name);
        }
    }

    private static WorkerReport Report(CallbackError error) =>
        new(WorkerReportKind.Failed, null, JsonSerializer.Serialize(error, JsonDefaults.Web));
}
