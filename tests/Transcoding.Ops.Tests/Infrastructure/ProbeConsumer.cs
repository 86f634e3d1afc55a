using MassTransit;

namespace Transcoding.Ops.Tests.Infrastructure;

public sealed class ProbeConsumer(ProbeLedger ledger) : IConsumer<Probe>
{
    public Task Consume(ConsumeContext<Probe> context)
    {
        if (context.Message.Number == Probe.Marker)
        {
            ledger.RecordMarker(context.MessageId ?? Guid.Empty);
            return Task.CompletedTask;
        }

        if (ledger.Failing)
        {
            throw context.Message.Number % 2 == 0
                ? new InvalidOperationException($"probe {context.Message.Number} cannot be processed yet")
                : new ArgumentException($"probe {context.Message.Number} is odd");
        }

        ledger.Record(context.MessageId ?? Guid.Empty, context.Headers.Select(h => h.Key));
        return Task.CompletedTask;
    }
}
