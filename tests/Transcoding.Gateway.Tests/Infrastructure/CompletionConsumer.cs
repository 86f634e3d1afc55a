using MassTransit;
using Transcoding.Contracts;

namespace Transcoding.Gateway.Tests.Infrastructure;

/// <summary>Stands in for the saga on a real broker: hands every completion to <see cref="ReceivedCompletion"/>.</summary>
public sealed class CompletionConsumer(ReceivedCompletion received) : IConsumer<TranscodeCompleted>
{
    public Task Consume(ConsumeContext<TranscodeCompleted> context)
    {
        received.Offer(context.Message);
        return Task.CompletedTask;
    }
}
