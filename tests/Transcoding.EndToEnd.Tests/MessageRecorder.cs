using System.Collections.Concurrent;
using MassTransit;
using Transcoding.Contracts;

namespace Transcoding.EndToEnd.Tests;

/// <summary>
/// What a downstream service would receive: every MediaReady, MediaTranscodeFailed and MediaGpuUsageReported, in order. Register it with
/// <see cref="InOrderEndpoint.Configure"/>.
/// </summary>
public sealed class MessageRecorder : IConsumer<MediaReady>, IConsumer<MediaTranscodeFailed>, IConsumer<MediaGpuUsageReported>
{
    public static ConcurrentQueue<object> Received { get; } = new();

    /// <summary>The media item of each MediaReady message id received: a repeated delivery has the same id.</summary>
    public static ConcurrentDictionary<Guid, Guid> ReadyMessageIds { get; } = new();

    /// <summary>
    /// Waits until every MediaReady already published has been recorded: a marker published behind them is recorded
    /// after them. Call it once whatever could publish one has finished.
    /// </summary>
    public static async Task AllRecordedAsync(IBus bus)
    {
        var marker = Guid.NewGuid();
        await bus.Publish(new MediaReady { MediaId = marker });
        await Eventually.True(() => Received.OfType<MediaReady>().Any(m => m.MediaId == marker), "the marker MediaReady recorded");
    }

    public Task Consume(ConsumeContext<MediaReady> context)
    {
        Received.Enqueue(context.Message);
        ReadyMessageIds[context.MessageId ?? Guid.Empty] = context.Message.MediaId;
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<MediaTranscodeFailed> context)
    {
        Received.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<MediaGpuUsageReported> context)
    {
        Received.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}
