namespace Transcoding.Faults;

/// <summary>One faulted message without its body and headers; <see cref="SourceQueue"/> is where a replay sends it (null: nowhere known).</summary>
public sealed record FaultedMessageSummary(
    string? MessageId,
    string ErrorQueue,
    int Position,
    string GroupId,
    string ExceptionType,
    string MessageType,
    string? FaultedAt,
    string? SourceQueue)
{
    public static FaultedMessageSummary Of(FaultedMessage m) =>
        new(m.MessageId, m.ErrorQueue, m.Position, m.GroupId, m.ExceptionType, m.MessageType, m.FaultedAt, m.SourceQueue);
}
