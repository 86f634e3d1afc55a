namespace Transcoding.Orchestrator.Queries;

/// <summary>How many items are in each state now (<see cref="Saga.MediaStates"/>).</summary>
public sealed record MediaStateCounts(long Uploaded, long Transcoding, long Ready, long Failed);
