using System.Diagnostics;
using Transcoding.Shared.Webhooks;

namespace Transcoding.EndToEnd.Tests.Tracing;

/// <summary>
/// One upload, one trace: the saga (with its database commands), the dispatcher and the gateway (spans of this process's
/// hosts) and the worker (spans its own process exported over OTLP) all carry the trace id of the upstream's upload,
/// linked parent to child; the worker exports its metrics the same way.
/// </summary>
public sealed class When_one_media_item_is_traced(TracedPipeline pipeline) : IClassFixture<TracedPipeline>
{
    [Fact]
    public async Task One_trace_covers_the_saga_the_dispatcher_the_worker_and_the_gateway()
    {
        var clip = await Media.GenerateClipAsync(pipeline.Bucket + "-sources", 320, 240, seconds: 2);
        Guid mediaId;
        string traceId;
        using (var upload = TracedPipeline.UpstreamSource.StartActivity("upload", ActivityKind.Producer))
        {
            traceId = upload!.TraceId.ToHexString();
            mediaId = await pipeline.UploadAsync(clip, "video/mp4");
        }

        Assert.Equal("ready", (await pipeline.WaitForTerminalStateAsync(mediaId, TimeSpan.FromMinutes(3))).State);
        var job = await WorkerJobSpanAsync(traceId);

        // Each span ends when its step has finished, which can be after the status already says ready: wait for each.
        // Orchestrator: the saga handled the upload and the completion under this trace, and downstream got MediaReady.
        var uploaded = await HostSpanAsync(traceId, a => Consumed(a, "TranscodeStateMachine", "MediaUploaded"), "the saga consuming MediaUploaded");

        // The saga repository loads and saves around the consume span: its commands are children of the same receive span.
        // The step's outbox rows are saved by the same SaveChanges, so the saga's INSERT may follow theirs in one batch.
        await HostSpanAsync(
            traceId,
            a => a.Source.Name == "Npgsql" && a.ParentSpanId == uploaded.ParentSpanId && Tag(a, "db.query.text")?.Contains("INSERT INTO transcode_state", StringComparison.Ordinal) == true,
            "the saga's row inserted for MediaUploaded");
        await HostSpanAsync(traceId, a => Consumed(a, "TranscodeStateMachine", "TranscodeCompleted"), "the saga consuming TranscodeCompleted");
        await HostSpanAsync(traceId, a => Consumed(a, nameof(MessageRecorder), "MediaReady"), "downstream consuming MediaReady");

        // Dispatcher: its consumer called RunPod, and the worker's job is a child of the dispatcher's span.
        var dispatch = await HostSpanAsync(traceId, a => Consumed(a, "DispatchTranscodeConsumer", "DispatchTranscode"), "the dispatcher consuming DispatchTranscode");
        await HostSpanAsync(traceId, a => a.Kind == ActivityKind.Client && Tag(a, "url.full")?.EndsWith("/v2/e2e/run", StringComparison.Ordinal) == true, "the dispatcher's POST /run");
        await HostSpanAsync(traceId, IsCallback, "the gateway receiving a callback");
        var spans = pipeline.Activities.Where(a => a.TraceId.ToHexString() == traceId).ToList();
        Assert.Single(spans, a => Consumed(a, "DispatchTranscodeConsumer", "DispatchTranscode"));
        var dispatcherSpans = spans.Where(a => a == dispatch || a.ParentSpanId == dispatch.SpanId).Select(a => a.SpanId.ToHexString());
        Assert.Contains(job.ParentSpanId, dispatcherSpans);

        // Gateway: the worker's signed callbacks arrived as children of the worker's own spans.
        var workerSpans = pipeline.Receiver.Spans.Where(s => s.TraceId == traceId).Select(s => s.SpanId).ToHashSet();
        Assert.All(spans.Where(IsCallback), c => Assert.Contains(c.ParentSpanId.ToHexString(), workerSpans));

        // No span of any host (RunPod's webhook, with the job's token in its URL, included) carries a secret.
        var forbidden = pipeline.SecretsOf(mediaId).ToList();
        Assert.All(pipeline.Activities, span => Assert.DoesNotContain(forbidden, value =>
            string.Join('\n', [span.DisplayName, .. span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}")]).Contains(value, StringComparison.Ordinal)));
        Assert.Contains(pipeline.Activities, span => span.GetTagItem("http.route") is string route && route.StartsWith(WebhookRoutes.RunPod, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_worker_exports_its_encode_seconds_per_media_second()
    {
        var clip = await Media.GenerateClipAsync(pipeline.Bucket + "-sources", 320, 240, seconds: 2);
        var mediaId = await pipeline.UploadAsync(clip, "video/mp4");
        Assert.Equal("ready", (await pipeline.WaitForTerminalStateAsync(mediaId, TimeSpan.FromMinutes(3))).State);

        // The fixture's tests share one worker and its exporter, which exports every 200 ms whether or not an encode has
        // been recorded yet: wait for a point holding an encode, not for the first point exported.
        var points = await Eventually.Until(
            () => pipeline.Receiver.Histograms.Where(p => p.Name == "transcoding.worker.encode_seconds_per_media_second").ToList(),
            exported => exported.Any(IsRecordedEncode),
            "an exported encode-speed point of the worker with a libx264 encode recorded (count >= 1, sum > 0)",
            describe: exported => exported.Count == 0
                ? "no point"
                : string.Join("; ", exported.TakeLast(3).Select(p => $"{p.Service} encoder={p.Attributes.GetValueOrDefault("encoder")} count {p.Count} sum {p.Sum}")));
        Assert.Equal("s/s", points.First(IsRecordedEncode).Unit);
    }

    private static bool IsRecordedEncode(ExportedHistogramPoint point) =>
        point.Service == "transcoding-worker" && point.Attributes.GetValueOrDefault("encoder") == "libx264" && point.Count >= 1 && point.Sum > 0;

    private static bool IsCallback(Activity activity) => activity.Kind == ActivityKind.Server && Tag(activity, "url.path") == "/webhooks/transcode";

    private async Task<ExportedSpan> WorkerJobSpanAsync(string traceId)
    {
        var job = await Eventually.Until(
            () => pipeline.Receiver.Spans.FirstOrDefault(s => s.TraceId == traceId && s.Name == "transcode job"),
            span => span is not null,
            $"the worker's job span exported for trace {traceId}",
            describe: _ => $"{pipeline.Receiver.Spans.Count} other span(s)");
        Assert.Equal("transcoding-worker", job!.Service);
        return job;
    }

    /// <summary>A span of this process's hosts in the trace, once it has ended.</summary>
    private async Task<Activity> HostSpanAsync(string traceId, Func<Activity, bool> match, string what) =>
        (await Eventually.Until(
            () => pipeline.Activities.FirstOrDefault(a => a.TraceId.ToHexString() == traceId && match(a)),
            span => span is not null,
            $"a span for {what} in trace {traceId}",
            describe: _ => "none"))!;

    private static bool Consumed(Activity activity, string consumerType, string messageType) =>
        activity.Kind == ActivityKind.Consumer
        && Tag(activity, "messaging.masstransit.consumer_type")?.EndsWith(consumerType, StringComparison.Ordinal) == true
        && Tag(activity, "messaging.masstransit.message_types")?.EndsWith(":" + messageType, StringComparison.Ordinal) == true;

    private static string? Tag(Activity activity, string key) => activity.GetTagItem(key)?.ToString();
}
