namespace Transcoding.Chaos.Truth;

/// <summary>One item as the saga table and the dispatch ledger hold it.</summary>
/// <param name="ReadyTransitions">Entries of its history that go to <c>ready</c>.</param>
/// <param name="Attempts">Attempt records the saga keeps for it.</param>
/// <param name="GpuJobs">RunPod jobs the dispatch ledger recorded for it (one per <c>/run</c> answered with a job id).</param>
/// <param name="TerminalAt">When its history last entered <c>ready</c> or <c>failed</c>; null when it never did.</param>
public sealed record SagaRow(
    Guid MediaId, string State, string? FailureCode, bool FailurePermanent, int ReadyTransitions, int Attempts, int GpuJobs, DateTimeOffset? TerminalAt);
