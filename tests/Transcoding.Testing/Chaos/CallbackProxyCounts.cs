namespace Transcoding.Testing.Chaos;

/// <summary>What <see cref="CallbackProxy"/> did so far, for a run's report.</summary>
/// <param name="Received">Requests from callers.</param>
/// <param name="SentToGateway">Requests the gateway was sent: duplicates count once per copy; a delayed one once
/// its delay has passed.</param>
public sealed record CallbackProxyCounts(long Received, long Forwarded, long Dropped, long Duplicated, long Delayed, long SentToGateway);
