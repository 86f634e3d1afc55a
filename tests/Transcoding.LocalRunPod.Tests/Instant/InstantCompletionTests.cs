using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Transcoding.Contracts;
using Transcoding.LocalRunPod.Instant;
using Transcoding.LocalRunPod.Tests.Support;
using Transcoding.Shared;
using Transcoding.Shared.Jobs;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;

namespace Transcoding.LocalRunPod.Tests.Instant;

/// <summary>
/// The instant completion end to end on the endpoint: a real server, a folder bucket, a callback receiver standing in
/// for the gateway; the answers are judged by the rules the gateway and the dispatcher's poll apply.
/// </summary>
public sealed class InstantCompletionTests : IAsyncLifetime
{
    private readonly string _bucket = Path.Combine(Path.GetTempPath(), $"lrp-instant-{Guid.NewGuid():N}");
    private readonly string _secret = WebhookSecret.Generate();
    private readonly Guid _mediaId = Guid.NewGuid();
    private LocalRunPodTestServer _server = null!;
    private WebhookReceiver _gateway = null!;
    private WebhookReceiver _jobWebhook = null!;

    private string SourceKey => $"uploads/{_mediaId:D}/source.mp4";

    public async Task InitializeAsync()
    {
        _gateway = await WebhookReceiver.StartAsync(path: WebhookRoutes.Transcode);
        _jobWebhook = await WebhookReceiver.StartAsync();
        _server = await LocalRunPodTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["LocalRunPod:InstantCompletion"] = "true",
            ["LocalRunPod:InstantCallbackSecret"] = _secret,
            ["Storage:Provider"] = "Local",
            ["Storage:LocalRoot"] = _bucket,
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _gateway.DisposeAsync();
        await _jobWebhook.DisposeAsync();
        if (Directory.Exists(_bucket))
        {
            Directory.Delete(_bucket, recursive: true);
        }
    }

    [Fact]
    public async Task When_a_job_is_run_in_instant_mode_it_completes_with_outputs_the_poll_the_callback_route_and_the_bucket_agree_on()
    {
        await WriteSourceAsync("not really a video"u8.ToArray());

        var jobId = await _server.RunAsync(Input(), _jobWebhook.Url);

        var status = Status(await _server.WaitForStatusAsync(jobId, RunPodJobStates.Completed));
        var polled = RunPodJobReport.ToCallback(_mediaId, 2, status)!;
        Assert.Equal(CallbackStatus.Completed, polled.Status);
        var outputs = polled.Outputs!;
        Assert.Equal(InstantOutputs.Encoder, outputs.Encoder);

        var (headers, body) = (await WaitForCallbackAsync()).Raw;
        var verifier = new WebhookVerifier([WebhookSecret.Parse(_secret)], TimeProvider.System, WebhookVerifier.DefaultTolerance);
        Assert.Equal(WebhookVerificationResult.Valid,
            verifier.Verify(headers[WebhookHeaders.Id], headers[WebhookHeaders.Timestamp], headers[WebhookHeaders.Signature], body));
        Assert.StartsWith("msg_", headers[WebhookHeaders.Id]);
        var callback = JsonSerializer.Deserialize<TranscodeCallback>(body, JsonDefaults.Web)!;
        Assert.Equal((_mediaId, 2, jobId, CallbackStatus.Completed), (callback.MediaId, callback.Attempt, callback.JobId, callback.Status));
        Assert.Empty(OutputsRecordRules.Problems(_mediaId, callback.Outputs!));
        Assert.Equal(JsonSerializer.Serialize(outputs, JsonDefaults.Web), JsonSerializer.Serialize(callback.Outputs, JsonDefaults.Web));

        var storage = new LocalFolderStorage(_bucket);
        foreach (var key in MediaKeys.Of(outputs))
        {
            Assert.True(await storage.ExistsAsync(key!, CancellationToken.None), $"{key} is in the bucket");
        }

        await using var manifest = await storage.OpenReadAsync(MediaKeys.Manifest(_mediaId), CancellationToken.None);
        var recorded = await JsonSerializer.DeserializeAsync<TranscodeOutputs>(manifest, JsonDefaults.Web);
        Assert.Equal(JsonSerializer.Serialize(outputs, JsonDefaults.Web), JsonSerializer.Serialize(recorded, JsonDefaults.Web));

        var webhook = Status(await _jobWebhook.WaitForDeliveryAsync());
        Assert.Equal(CallbackStatus.Completed, RunPodJobReport.ToCallback(_mediaId, 2, webhook)!.Status);
    }

    [Theory]
    [InlineData(false, InstantCompletion.SourceMissing)]
    [InlineData(true, InstantCompletion.SourceEmpty)]
    public async Task When_the_source_is_missing_or_empty_the_job_fails_permanently_as_the_worker_fails_it(bool writeEmptySource, string code)
    {
        if (writeEmptySource)
        {
            await WriteSourceAsync([]);
        }

        var jobId = await _server.RunAsync(Input(), _jobWebhook.Url);

        var polled = RunPodJobReport.ToCallback(_mediaId, 2, Status(await _server.WaitForStatusAsync(jobId, RunPodJobStates.Failed)))!;
        Assert.Equal((CallbackStatus.Failed, code, true), (polled.Status, polled.Error!.Code, polled.Error.Permanent));
        var callback = (await WaitForCallbackAsync()).Callback;
        Assert.Equal((CallbackStatus.Failed, code, true), (callback.Status, callback.Error!.Code, callback.Error.Permanent));
        Assert.False(Directory.Exists(Path.Combine(_bucket, "media")), "no output is written for a failed job");
    }

    [Fact]
    public async Task When_the_input_is_not_a_transcode_request_the_job_fails_permanently_with_invalid_input()
    {
        var jobId = await _server.RunAsync(new { prompt = "hello" });

        var failed = await _server.WaitForStatusAsync(jobId, RunPodJobStates.Failed);

        var error = WorkerJobError.Parse(failed.GetProperty("error").GetString())!;
        Assert.Equal((InstantCompletion.InvalidInput, true), (error.Code, error.Permanent));
    }

    /// <summary>The worker answers such input at once as invalid_input (JobExecutor's checks); the instant completion
    /// threw a NullReferenceException instead, so the job was never reported and stayed IN_PROGRESS until its timeout.</summary>
    [Theory]
    [InlineData("sourceKey")]
    [InlineData("callbackUrl")]
    public async Task When_a_field_of_the_input_is_null_the_job_fails_permanently_with_invalid_input_or_runs_without_a_callback(string field)
    {
        await WriteSourceAsync("not really a video"u8.ToArray());
        var input = new Dictionary<string, object?> { ["mediaId"] = _mediaId, ["attempt"] = 2, ["sourceKey"] = SourceKey, ["callbackUrl"] = _gateway.Url };
        input[field] = null;

        var jobId = await _server.RunAsync(input);

        // A null callback URL is no callback, as on the worker (string.IsNullOrEmpty): the job still completes.
        var ended = await _server.WaitForStatusAsync(jobId, field == "sourceKey" ? RunPodJobStates.Failed : RunPodJobStates.Completed);
        if (field == "sourceKey")
        {
            var error = WorkerJobError.Parse(ended.GetProperty("error").GetString())!;
            Assert.Equal((InstantCompletion.InvalidInput, true), (error.Code, error.Permanent));
        }
    }

    [Theory]
    [InlineData("LocalRunPod:Workers", "1", "LocalRunPod:Workers must be 0 when LocalRunPod:InstantCompletion is on")]
    [InlineData("LocalRunPod:InstantCallbackSecret", "", "LocalRunPod:InstantCallbackSecret is required when LocalRunPod:InstantCompletion is on")]
    [InlineData("LocalRunPod:InstantCallbackSecret", "whsec_not base64!", "LocalRunPod:InstantCallbackSecret must be 'whsec_' followed by base64")]
    public async Task When_instant_completion_is_configured_badly_the_server_does_not_start_and_says_why(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LocalRunPodTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["LocalRunPod:InstantCompletion"] = "true",
            ["LocalRunPod:InstantCallbackSecret"] = _secret,
            ["LocalRunPod:WorkerCommand"] = "true",
            [key] = value,
        }));

        Assert.Contains(message, error.Message);
        Assert.DoesNotContain(_secret, error.Message);
    }

    private object Input() => new { mediaId = _mediaId, attempt = 2, sourceKey = SourceKey, callbackUrl = _gateway.Url };

    private async Task WriteSourceAsync(byte[] content)
    {
        using var stream = new MemoryStream(content);
        await new LocalFolderStorage(_bucket).UploadAsync(SourceKey, stream, "video/mp4", null, CancellationToken.None);
    }

    private async Task<((IReadOnlyDictionary<string, string> Headers, byte[] Body) Raw, TranscodeCallback Callback)> WaitForCallbackAsync()
    {
        await _gateway.WaitForDeliveryAsync();
        var raw = Assert.Single(_gateway.ReceivedRaw);
        return (raw, JsonSerializer.Deserialize<TranscodeCallback>(raw.Body, JsonDefaults.Web)!);
    }

    private static RunPodJobStatus Status(JsonElement body) => body.Deserialize<RunPodJobStatus>(JsonDefaults.Web)!;
}
