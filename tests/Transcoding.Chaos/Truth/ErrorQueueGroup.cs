namespace Transcoding.Chaos.Truth;

/// <summary>A group of <c>ops faults list --json</c>: faulted messages of one exception type and one message type.</summary>
public sealed record ErrorQueueGroup(string Id, string ExceptionType, string MessageType, int Count, IReadOnlyList<string> Queues, string? ExampleMessage);
