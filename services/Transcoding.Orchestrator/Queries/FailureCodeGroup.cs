namespace Transcoding.Orchestrator.Queries;

/// <summary>The items that failed with <see cref="Code"/> inside the stats window: how many, and up to
/// <see cref="MediaStats.FailureExamples"/> of their ids, newest failure first.</summary>
public sealed record FailureCodeGroup(string Code, long Count, IReadOnlyList<Guid> Examples);
