using System.Collections.Concurrent;

namespace Transcoding.Worker.Publishing;

/// <summary>Every key a job started writing, so a failed job can remove exactly what it put in the bucket.</summary>
public sealed class UploadLedger
{
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => [.. _keys.Keys.Order(StringComparer.Ordinal)];

    public void Add(string key) => _keys.TryAdd(key, 0);
}
