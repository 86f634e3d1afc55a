namespace Transcoding.Faults;

/// <summary>One message a replay selected: where it went (<see cref="Target"/>), or why it stayed (<see cref="Error"/>).</summary>
public sealed record ReplayedMessage(string? MessageId, string ErrorQueue, string? Target, bool Succeeded, string? Error)
{
    public static ReplayedMessage Of(FaultOutcome o) => new(o.Message.MessageId, o.Message.ErrorQueue, o.Message.SourceQueue, o.Succeeded, o.Error);
}
