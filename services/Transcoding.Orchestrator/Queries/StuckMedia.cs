namespace Transcoding.Orchestrator.Queries;

/// <summary>Transcoding items past their attempt deadline now: how many, and up to <see cref="MediaStats.StuckExamples"/>
/// ids, the longest past it first.</summary>
public sealed record StuckMedia(long Count, IReadOnlyList<Guid> Examples);
