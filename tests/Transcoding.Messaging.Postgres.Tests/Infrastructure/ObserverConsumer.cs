using MassTransit;
using Transcoding.Messaging.Postgres.Tests.TestModel;

namespace Transcoding.Messaging.Postgres.Tests.Infrastructure;

/// <summary>Records what sagas publish and what the scheduler delivers.</summary>
public sealed class ObserverConsumer(Observed observed) :
    IConsumer<CounterFailing>,
    IConsumer<CounterReminded>,
    IConsumer<Ping>,
    IConsumer<Fault<FailCounter>>
{
    public Task Consume(ConsumeContext<CounterFailing> context) => Record(context);
    public Task Consume(ConsumeContext<CounterReminded> context) => Record(context);
    public Task Consume(ConsumeContext<Ping> context) => Record(context);
    public Task Consume(ConsumeContext<Fault<FailCounter>> context) => Record(context);

    Task Record<T>(ConsumeContext<T> context)
        where T : class
    {
        observed.Add(new ObservedMessage(context.Message, context.MessageId, context.CorrelationId, context.ConversationId,
            context.Headers.GetAll().ToDictionary(x => x.Key, x => x.Value), DateTime.UtcNow));
        return Task.CompletedTask;
    }
}
