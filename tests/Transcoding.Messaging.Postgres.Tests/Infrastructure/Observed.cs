using System.Collections.Concurrent;
using MassTransit;

namespace Transcoding.Messaging.Postgres.Tests.Infrastructure;

public sealed record ObservedMessage(object Message, Guid? MessageId, Guid? CorrelationId, Guid? ConversationId,
    IReadOnlyDictionary<string, object> Headers, DateTime ReceivedAt);

/// <summary>
/// Messages the test observer consumed, in the order it consumed them, and how many messages of each type any endpoint
/// finished consuming, successfully or with a fault; shared by every host of one test.
/// </summary>
public sealed class Observed : IConsumeObserver
{
    readonly ConcurrentQueue<ObservedMessage> _messages = new();
    readonly ConcurrentDictionary<Type, int> _consumed = new();
    readonly ConcurrentDictionary<Type, int> _faulted = new();

    /// <summary>Consumptions of <typeparamref name="T"/> that completed, the saga's save included.</summary>
    public int Consumed<T>() => _consumed.GetValueOrDefault(typeof(T));

    /// <summary>Consumptions of <typeparamref name="T"/> that faulted once every retry was spent (bound for <c>_error</c>).</summary>
    public int Faulted<T>() => _faulted.GetValueOrDefault(typeof(T));

    public void Add(ObservedMessage message) => _messages.Enqueue(message);

    public IReadOnlyList<ObservedMessage> Of<T>(Func<T, bool> match) =>
        _messages.Where(x => x.Message is T message && match(message)).ToList();

    /// <summary>The first matching message, once there is one.</summary>
    public async Task<ObservedMessage> WaitFor<T>(Func<T, bool> match) =>
        (await Eventually.Until(() => Of(match), x => x.Count > 0, $"a matching {typeof(T).Name} observed",
            describe: _ => $"{_messages.Count} other message(s)"))[0];

    Task IConsumeObserver.PreConsume<T>(ConsumeContext<T> context) => Task.CompletedTask;

    Task IConsumeObserver.PostConsume<T>(ConsumeContext<T> context)
    {
        _consumed.AddOrUpdate(typeof(T), 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    Task IConsumeObserver.ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
    {
        _faulted.AddOrUpdate(typeof(T), 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }
}
