namespace Transcoding.Dispatcher.Consumers;

/// <summary>Another delivery of the same attempt holds the dispatch claim; the message is retried.</summary>
public sealed class DispatchInProgressException(Guid mediaId, int attempt)
    : Exception($"Media {mediaId:D} attempt {attempt} is being dispatched by another delivery.");
