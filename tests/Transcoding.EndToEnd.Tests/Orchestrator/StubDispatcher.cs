using System.Collections.Concurrent;
using MassTransit;
using Transcoding.Contracts;

namespace Transcoding.EndToEnd.Tests.Orchestrator;

/// <summary>
/// Stands in for the dispatcher and RunPod: counts the jobs the saga asks for, and accepts them at once. Register it with
/// <see cref="InOrderEndpoint.Configure"/>.
/// </summary>
public sealed class StubDispatcher : IConsumer<DispatchTranscode>
{
    private const string MarkerKey = "marker";

    public static ConcurrentDictionary<(Guid MediaId, int Attempt), int> Jobs { get; } = new();

    /// <summary>
    /// Waits until every DispatchTranscode already published has been counted: a marker published behind them is
    /// consumed after them. Call it once whatever could publish one has finished.
    /// </summary>
    public static async Task AllCountedAsync(IBus bus)
    {
        var marker = Guid.NewGuid();
        await bus.Publish(new DispatchTranscode { MediaId = marker, Attempt = 1, SourceKey = MarkerKey });
        await Eventually.True(() => Jobs.ContainsKey((marker, 1)), "the marker DispatchTranscode counted");
    }

    public async Task Consume(ConsumeContext<DispatchTranscode> context)
    {
        Jobs.AddOrUpdate((context.Message.MediaId, context.Message.Attempt), 1, (_, count) => count + 1);

        // A marker has no saga to tell.
        if (context.Message.SourceKey != MarkerKey)
        {
            await context.Publish(new TranscodeDispatched { MediaId = context.Message.MediaId, Attempt = context.Message.Attempt, JobId = $"stub-{context.Message.MediaId:N}" });
        }
    }
}
