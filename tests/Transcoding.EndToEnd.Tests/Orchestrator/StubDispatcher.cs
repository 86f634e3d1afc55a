using System.Collections.Concurrent;
using MassTransit;
using Transcoding.Contracts;

namespace Transcoding.EndToEnd.Tests.Orchestrator;

/// <summary>Stands in for the dispatcher and RunPod: counts the jobs the saga asks for, and accepts them at once.</summary>
public sealed class StubDispatcher : IConsumer<DispatchTranscode>
{
    public static ConcurrentDictionary<(Guid MediaId, int Attempt), int> Jobs { get; } = new();

    public async Task Consume(ConsumeContext<DispatchTranscode> context)
    {
        Jobs.AddOrUpdate((context.Message.MediaId, context.Message.Attempt), 1, (_, count) => count + 1);
        await context.Publish(new TranscodeDispatched { MediaId = context.Message.MediaId, Attempt = context.Message.Attempt, JobId = $"stub-{context.Message.MediaId:N}" });
    }
}
