namespace Transcoding.Chaos.Faults;

/// <summary>One fault as it happened; times are offsets from the start of the uploads.</summary>
/// <param name="Planned">When the schedule wanted it to start.</param>
/// <param name="Started">When its injection began (later than planned when the same fault was still held).</param>
/// <param name="InForce">When the injection had taken effect (a stopped broker is down), the hold counted from here.</param>
/// <param name="Stopped">When its stop returned; null when the stop failed.</param>
public sealed record FaultRecord(string Name, TimeSpan Planned, TimeSpan Started, TimeSpan InForce, TimeSpan? Stopped, FaultEffect Effect, string? StopError);
