using System.Collections.Concurrent;
using MassTransit;
using Transcoding.Contracts;

namespace Transcoding.EndToEnd.Tests;

/// <summary>What a downstream service would receive: every MediaReady and MediaTranscodeFailed, in order.</summary>
public sealed class MessageRecorder : IConsumer<MediaReady>, IConsumer<MediaTranscodeFailed>
{
    public static ConcurrentQueue<object> Received { get; } = new();

    public Task Consume(ConsumeContext<MediaReady> context)
    {
        Received.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<MediaTranscodeFailed> context)
    {
        Received.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}
