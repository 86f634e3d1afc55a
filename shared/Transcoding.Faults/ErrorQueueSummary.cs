namespace Transcoding.Faults;

/// <summary>One error queue: <see cref="Messages"/> counted from what was read, consumers and type from the management API.</summary>
public sealed record ErrorQueueSummary(string Name, int Messages, long Consumers, string Type);
