using System.Collections.Concurrent;

namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>What the probe consumer saw: every successful consumption by message id, and whether it must fail.</summary>
public sealed class ProbeLedger
{
    private readonly ConcurrentQueue<Guid> _processed = new();
    private readonly ConcurrentQueue<string> _faultHeadersSeen = new();
    private readonly ConcurrentQueue<Guid> _markers = new();

    private volatile bool _failing = true;

    /// <summary>While true the consumer throws: the cause of the faults, "removed" by setting it to false.</summary>
    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    public IReadOnlyCollection<Guid> Processed => _processed;

    public IReadOnlyCollection<Guid> DistinctProcessed => _processed.Distinct().ToList();

    /// <summary>Message ids of the markers consumed (see <see cref="FaultyService.WaitUntilConsumedAsync"/>).</summary>
    public IReadOnlyCollection<Guid> Markers => _markers;

    /// <summary>MT-Fault-* headers found on successfully consumed messages (a replay must strip them).</summary>
    public IReadOnlyCollection<string> FaultHeadersSeen => _faultHeadersSeen;

    public void Record(Guid messageId, IEnumerable<string> headerNames)
    {
        foreach (var name in headerNames.Where(n => n.StartsWith("MT-Fault-", StringComparison.OrdinalIgnoreCase) || n == "MT-Reason"))
        {
            _faultHeadersSeen.Enqueue(name);
        }

        _processed.Enqueue(messageId);
    }

    public void RecordMarker(Guid messageId) => _markers.Enqueue(messageId);
}
