namespace Transcoding.Faults;

/// <summary>Faulted messages that failed the same way: same exception type, same message type.</summary>
public sealed record FaultGroup(
    string Id,
    string ExceptionType,
    string MessageType,
    int Count,
    IReadOnlyList<string> Queues,
    string? ExampleMessage,
    string? FirstFaultedAt,
    string? LastFaultedAt);
