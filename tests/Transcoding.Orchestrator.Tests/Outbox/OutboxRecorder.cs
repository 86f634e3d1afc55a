using System.Collections.Concurrent;
using MassTransit;
using Transcoding.Contracts;

namespace Transcoding.Orchestrator.Tests.Outbox;

/// <summary>Downstream of the saga: every DispatchTranscode, MediaTranscodingStarted and MediaReady with its message id,
/// in queue order (register with one message at a time).</summary>
public sealed class OutboxRecorder : IConsumer<DispatchTranscode>, IConsumer<MediaTranscodingStarted>, IConsumer<MediaReady>
{
    public static ConcurrentQueue<(Guid MessageId, Guid MediaId, object Message)> Received { get; } = new();

    public static IReadOnlyList<Guid> IdsOf<T>(Guid mediaId) =>
        Received.Where(x => x.MediaId == mediaId && x.Message is T).Select(x => x.MessageId).ToList();

    public Task Consume(ConsumeContext<DispatchTranscode> context) => Record(context, context.Message.MediaId);

    public Task Consume(ConsumeContext<MediaTranscodingStarted> context) => Record(context, context.Message.MediaId);

    public Task Consume(ConsumeContext<MediaReady> context) => Record(context, context.Message.MediaId);

    private static Task Record<T>(ConsumeContext<T> context, Guid mediaId)
        where T : class
    {
        Received.Enqueue((context.MessageId ?? Guid.Empty, mediaId, context.Message));
        return Task.CompletedTask;
    }
}
