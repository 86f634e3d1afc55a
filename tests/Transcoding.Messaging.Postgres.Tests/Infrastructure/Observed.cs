using System.Collections.Concurrent;

namespace Transcoding.Messaging.Postgres.Tests.Infrastructure;

public sealed record ObservedMessage(object Message, Guid? MessageId, Guid? CorrelationId, Guid? ConversationId,
    IReadOnlyDictionary<string, object> Headers, DateTime ReceivedAt);

/// <summary>Messages the test observer consumed, shared by every host of one test.</summary>
public sealed class Observed
{
    readonly ConcurrentQueue<ObservedMessage> _messages = new();

    public void Add(ObservedMessage message) => _messages.Enqueue(message);

    public IReadOnlyList<ObservedMessage> Of<T>(Func<T, bool> match) =>
        _messages.Where(x => x.Message is T message && match(message)).ToList();

    public async Task<ObservedMessage> WaitFor<T>(Func<T, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Of(match) is [var first, ..])
                return first;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No {typeof(T).Name} observed within {timeout}");
    }
}
