namespace Transcoding.LocalRunPod.Faults;

/// <summary>
/// The body of <c>GET /admin/faults</c>: the fault in force (absent when none), and every faulted answer since start-up,
/// in all (<see cref="Faulted"/>), by status code (<c>"429"</c>, <c>"500"</c>) and by route (<c>run</c>,
/// <c>status/{jobId}</c>, <c>health</c>, …).
/// </summary>
public sealed record FaultReport(InjectedFault? Fault, long Faulted, IReadOnlyDictionary<string, long> ByStatus, IReadOnlyDictionary<string, long> ByRoute);
