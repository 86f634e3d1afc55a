using Microsoft.Extensions.DependencyInjection;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;
using Transcoding.Worker.Jobs;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Jobs;

/// <summary>Real ffmpeg on the other kinds of input: audio only, no audio, rotated, and inputs that must fail.</summary>
public class JobOutcomeTests
{
    [Fact]
    public async Task When_the_source_is_audio_only_one_audio_rendition_and_a_waveform_are_made()
    {
        await using var harness = await WorkerHarness.StartAsync();
        var mediaId = Guid.NewGuid();

        var result = await harness.Executor.ExecuteAsync("job-audio", WorkerHarness.Input(mediaId, await harness.UploadSourceAsync(await Clips.AudioOnly)), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        var outputs = result.Outputs!;
        Assert.Equal("", outputs.Encoder);
        Assert.Null(outputs.PosterKey);
        Assert.Null(outputs.Storyboard);
        var rendition = Assert.Single(outputs.Renditions);
        Assert.Equal(("audio", null, null, 0, 128), (rendition.Name, rendition.Width, rendition.Height, rendition.VideoBitrateKbps, rendition.AudioBitrateKbps));
        Assert.Equal(["hls/audio/index.m3u8", "hls/master.m3u8", "manifest.json", "waveform.dat", "waveform.json"], harness.Outputs(mediaId).Where(o => !o.EndsWith(".ts", StringComparison.Ordinal)));
        await Hls.AssertDecodesAsync(harness.OutputPath(mediaId, "hls/master.m3u8"));
        var segment = Hls.Segments(harness.OutputPath(mediaId, "hls/audio/index.m3u8"))[0].Uri;
        Assert.Equal(["audio"], await Hls.StreamTypesAsync(harness.OutputPath(mediaId, "hls/audio/" + segment)));
        Assert.Equal(44100, outputs.Waveform!.SampleRate);
    }

    [Fact]
    public async Task When_the_video_has_no_audio_rungs_are_video_only_and_there_is_no_waveform()
    {
        await using var harness = await WorkerHarness.StartAsync();
        var mediaId = Guid.NewGuid();

        var result = await harness.Executor.ExecuteAsync("job-silent", WorkerHarness.Input(mediaId, await harness.UploadSourceAsync(await Clips.VideoWithoutAudio)), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Null(result.Outputs!.Waveform);
        var rendition = Assert.Single(result.Outputs.Renditions);
        Assert.Equal(("360p", 640, 360, 0), (rendition.Name, rendition.Width, rendition.Height, rendition.AudioBitrateKbps));
        Assert.Equal(["hls/360p/index.m3u8", "hls/master.m3u8", "manifest.json", "poster.jpg", "storyboard.jpg", "storyboard.vtt"], harness.Outputs(mediaId).Where(o => !o.EndsWith(".ts", StringComparison.Ordinal)));
        await Hls.AssertDecodesAsync(harness.OutputPath(mediaId, "hls/master.m3u8"));
        var segment = Hls.Segments(harness.OutputPath(mediaId, "hls/360p/index.m3u8"))[0].Uri;
        Assert.Equal(["video"], await Hls.StreamTypesAsync(harness.OutputPath(mediaId, "hls/360p/" + segment)));
    }

    [Fact]
    public async Task When_the_source_is_rotated_the_rungs_are_portrait()
    {
        await using var harness = await WorkerHarness.StartAsync();
        var mediaId = Guid.NewGuid();

        var result = await harness.Executor.ExecuteAsync("job-rotated", WorkerHarness.Input(mediaId, await harness.UploadSourceAsync(await Clips.Rotated)), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        var rendition = Assert.Single(result.Outputs!.Renditions);
        Assert.Equal((360, 640), (rendition.Width, rendition.Height));
        var segment = Hls.Segments(harness.OutputPath(mediaId, "hls/360p/index.m3u8"))[0].Uri;
        Assert.Equal((360, 640), await Hls.VideoSizeAsync(harness.OutputPath(mediaId, "hls/360p/" + segment)));
        Assert.Equal((360, 640), await Hls.VideoSizeAsync(harness.OutputPath(mediaId, "poster.jpg")));
        Assert.Equal((160, 284), await Hls.VideoSizeAsync(harness.OutputPath(mediaId, "storyboard.jpg")));
    }

    public static TheoryData<string, string> BadSources => new()
    {
        { "corrupt", JobErrorCodes.SourceUnreadable },
        { "empty", JobErrorCodes.SourceEmpty },
        { "missing", JobErrorCodes.SourceMissing },
    };

    [Theory]
    [MemberData(nameof(BadSources))]
    public async Task When_the_source_is_unusable_the_job_fails_permanently_with_a_precise_code_and_leaves_nothing(string source, string code)
    {
        await using var harness = await WorkerHarness.StartAsync();
        await using var callbacks = await CallbackReceiver.StartAsync(WorkerHarness.Secret);
        var mediaId = Guid.NewGuid();
        var key = source switch
        {
            "corrupt" => await harness.UploadSourceAsync(await Clips.Corrupt),
            "empty" => await harness.UploadSourceAsync(await Clips.Empty),
            _ => "uploads/never-uploaded.mp4",
        };

        var result = await harness.Executor.ExecuteAsync("job-bad", WorkerHarness.Input(mediaId, key, callbacks.Url), null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal((code, true), (result.Error!.Code, result.Error.Permanent));
        Assert.Empty(harness.Outputs(mediaId));
        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.WorkDir));
        var (callback, verification) = Assert.Single(callbacks.Received);
        Assert.Equal(WebhookVerificationResult.Valid, verification);
        Assert.Equal((CallbackStatus.Failed, result.Error), (callback.Status, callback.Error));
    }

    [Fact]
    public async Task When_the_job_carries_a_trace_parent_callbacks_continue_that_trace()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        await using var harness = await WorkerHarness.StartAsync();
        await using var callbacks = await CallbackReceiver.StartAsync(WorkerHarness.Secret);
        var input = WorkerHarness.Input(Guid.NewGuid(), "uploads/missing.mp4", callbacks.Url) with { TraceParent = $"00-{traceId}-00f067aa0ba902b7-01" };

        await harness.Executor.ExecuteAsync("job-traced", input, null, CancellationToken.None);

        var traceParent = Assert.Single(callbacks.TraceParents);
        Assert.StartsWith($"00-{traceId}-", traceParent);
    }

    [Fact]
    public async Task When_the_source_is_text_named_mp4_the_message_says_why()
    {
        await using var harness = await WorkerHarness.StartAsync();

        var result = await harness.Executor.ExecuteAsync("job-text", WorkerHarness.Input(Guid.NewGuid(), await harness.UploadSourceAsync(await Clips.Corrupt)), null, CancellationToken.None);

        Assert.StartsWith("The source is not a readable media file:", result.Error!.Message);
        Assert.Contains("Invalid data found when processing input", result.Error.Message);
        Assert.DoesNotContain(harness.WorkDir, result.Error.Message);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000", "uploads/a.mp4", "", "input.mediaId is required.")]
    [InlineData("5a4f5a2e-0f5e-4d0e-9d5e-8f1f5c0e1a11", "", "", "input.sourceKey is required.")]
    [InlineData("5a4f5a2e-0f5e-4d0e-9d5e-8f1f5c0e1a11", "../../../etc/hostname", "", "input.sourceKey must be relative, without empty, '.' or '..' segments.")]
    [InlineData("5a4f5a2e-0f5e-4d0e-9d5e-8f1f5c0e1a11", "/uploads/a.mp4", "", "input.sourceKey must be relative, without empty, '.' or '..' segments.")]
    [InlineData("5a4f5a2e-0f5e-4d0e-9d5e-8f1f5c0e1a11", "uploads\\a.mp4", "", "input.sourceKey contains a control character or a backslash.")]
    [InlineData("5a4f5a2e-0f5e-4d0e-9d5e-8f1f5c0e1a11", "uploads/a.mp4", "ftp://gateway/webhooks", "input.callbackUrl must be an absolute http(s) URL.")]
    [InlineData("5a4f5a2e-0f5e-4d0e-9d5e-8f1f5c0e1a11", "uploads/a.mp4", "/webhooks/transcode", "input.callbackUrl must be an absolute http(s) URL.")]
    public async Task When_the_job_input_is_invalid_it_fails_permanently_without_work(string mediaId, string sourceKey, string callbackUrl, string message)
    {
        await using var harness = await WorkerHarness.StartAsync();

        var result = await harness.Executor.ExecuteAsync("job-invalid", WorkerHarness.Input(Guid.Parse(mediaId), sourceKey, callbackUrl), null, CancellationToken.None);

        Assert.Equal(new CallbackError(JobErrorCodes.InvalidInput, message, true), result.Error);
        Assert.False(Directory.Exists(harness.Bucket) && Directory.EnumerateFiles(harness.Bucket, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task When_an_upload_fails_midway_everything_already_uploaded_is_removed()
    {
        await using var harness = await WorkerHarness.StartAsync(services: services => services.AddSingleton<IObjectStorage>(sp =>
            new ManifestRefusingStorage(StorageServiceCollectionExtensions.Create(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value))));
        await using var callbacks = await CallbackReceiver.StartAsync(WorkerHarness.Secret);
        var mediaId = Guid.NewGuid();
        var key = await harness.UploadSourceAsync(await Clips.VideoWithoutAudio);

        var result = await harness.Executor.ExecuteAsync("job-upload", WorkerHarness.Input(mediaId, key, callbacks.Url), null, CancellationToken.None);

        Assert.Equal((JobErrorCodes.UploadFailed, false), (result.Error!.Code, result.Error.Permanent));
        Assert.Empty(harness.Outputs(mediaId));
        Assert.True(await harness.Storage.ExistsAsync(key, CancellationToken.None), "the source is never removed");
        Assert.Equal(CallbackStatus.Failed, Assert.Single(callbacks.Final).Status);
    }

    /// <summary>A bucket that accepts everything but manifest.json: the last upload of a job fails.</summary>
    private sealed class ManifestRefusingStorage(IObjectStorage inner) : IObjectStorage
    {
        public Task UploadFileAsync(string key, string path, string contentType, string? cacheControl, CancellationToken cancellationToken) =>
            key.EndsWith("/manifest.json", StringComparison.Ordinal)
                ? throw new IOException("the bucket refused the object")
                : inner.UploadFileAsync(key, path, contentType, cacheControl, cancellationToken);

        public Task UploadAsync(string key, Stream content, string contentType, string? cacheControl, CancellationToken cancellationToken) => inner.UploadAsync(key, content, contentType, cacheControl, cancellationToken);

        public Task DownloadToFileAsync(string key, string path, CancellationToken cancellationToken) => inner.DownloadToFileAsync(key, path, cancellationToken);

        public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => inner.ExistsAsync(key, cancellationToken);

        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

        public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        public Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken) => inner.DeletePrefixAsync(prefix, cancellationToken);
    }
}
