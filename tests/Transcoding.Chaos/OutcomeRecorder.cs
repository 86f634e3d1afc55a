using MassTransit;
using Transcoding.Contracts;

namespace Transcoding.Chaos;

/// <summary>A downstream consumer of the platform's outcomes, on its own queue, one message at a time (so a marker comes last).</summary>
public sealed class OutcomeRecorder(OutcomeLedger ledger) : IConsumer<MediaReady>, IConsumer<MediaTranscodeFailed>
{
    public Task Consume(ConsumeContext<MediaReady> context)
    {
        ledger.Ready(context.Message.MediaId, context.MessageId);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<MediaTranscodeFailed> context)
    {
        ledger.Failed(context.Message.MediaId);
        return Task.CompletedTask;
    }
}
