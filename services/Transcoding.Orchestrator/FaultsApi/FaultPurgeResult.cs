namespace Transcoding.Orchestrator.FaultsApi;

/// <summary>The answer of <c>POST /faults/purge</c>: how many messages were deleted for good.</summary>
public sealed record FaultPurgeResult(string Selector, int Deleted);
