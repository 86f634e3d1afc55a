using System.Collections.Concurrent;
using MassTransit;

namespace Transcoding.EndToEnd.Tests;

/// <summary>Messages seen on one in-process host's bus: those its consumers finished consuming, and those it published.</summary>
public sealed class BusTraffic : IConsumeObserver, IPublishObserver
{
    public ConcurrentQueue<object> Consumed { get; } = new();

    public ConcurrentQueue<object> Published { get; } = new();

    Task IConsumeObserver.PreConsume<T>(ConsumeContext<T> context) => Task.CompletedTask;

    Task IConsumeObserver.PostConsume<T>(ConsumeContext<T> context)
    {
        Consumed.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    Task IConsumeObserver.ConsumeFault<T>(ConsumeContext<T> context, Exception exception) => Task.CompletedTask;

    Task IPublishObserver.PrePublish<T>(PublishContext<T> context) => Task.CompletedTask;

    Task IPublishObserver.PostPublish<T>(PublishContext<T> context)
    {
        Published.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    Task IPublishObserver.PublishFault<T>(PublishContext<T> context, Exception exception) => Task.CompletedTask;
}
