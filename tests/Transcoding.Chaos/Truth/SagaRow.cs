namespace Transcoding.Chaos.Truth;

/// <summary>One item as the saga table and the dispatch ledger hold it.</summary>
/// <param name="ReadyTransitions">Entries of its history that go to <c>ready</c>.</param>
/// <param name="Attempts">Attempt records the saga keeps for it.</param>
/// <param name="GpuJobs">RunPod jobs a worker took for it (the local endpoint's <c>GET /admin/jobs</c>): what RunPod bills.</param>
/// <param name="TerminalAt">When its history last entered <c>ready</c> or <c>failed</c>; null when it never did.</param>
/// <param name="LedgerJobs">RunPod jobs the dispatch ledger recorded for it (one per <c>/run</c> answered with a job id;
/// a <c>/run</c> accepted whose answer was lost is missing here but not from <paramref name="GpuJobs"/>).</param>
public sealed record SagaRow(
    Guid MediaId, string State, string? FailureCode, bool FailurePermanent, int ReadyTransitions, int Attempts, int GpuJobs, DateTimeOffset? TerminalAt, int LedgerJobs = 0);
