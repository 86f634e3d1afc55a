using System.Collections.Concurrent;

namespace Transcoding.Chaos;

/// <summary>What a downstream service received, per media item: MediaReady deliveries and their message ids, failures.</summary>
public sealed class OutcomeLedger
{
    /// <summary>MediaReady deliveries per item (a repeat counts again).</summary>
    public ConcurrentDictionary<Guid, int> ReadyDeliveries { get; } = new();

    /// <summary>Distinct MediaReady message ids per item: a redelivery of the same message keeps the count at 1.</summary>
    public ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, byte>> ReadyMessageIds { get; } = new();

    /// <summary>MediaTranscodeFailed deliveries per item.</summary>
    public ConcurrentDictionary<Guid, int> FailedDeliveries { get; } = new();

    /// <summary>Items with at least one outcome received (ready or failed).</summary>
    public int Ended => _ended.Count;

    /// <summary>Raised after each outcome is recorded (the load run's uploaders wait on it).</summary>
    public event Action? Received;

    private readonly ConcurrentDictionary<Guid, byte> _ended = new();

    public void Ready(Guid mediaId, Guid? messageId)
    {
        ReadyDeliveries.AddOrUpdate(mediaId, 1, (_, count) => count + 1);
        ReadyMessageIds.GetOrAdd(mediaId, _ => new())[messageId ?? Guid.Empty] = 0;
        End(mediaId);
    }

    public void Failed(Guid mediaId)
    {
        FailedDeliveries.AddOrUpdate(mediaId, 1, (_, count) => count + 1);
        End(mediaId);
    }

    private void End(Guid mediaId)
    {
        _ended[mediaId] = 0;
        Received?.Invoke();
    }
}
