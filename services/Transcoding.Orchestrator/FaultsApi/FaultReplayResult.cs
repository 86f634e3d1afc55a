using Transcoding.Faults;

namespace Transcoding.Orchestrator.FaultsApi;

/// <summary>
/// The answer of <c>POST /faults/replay</c>: how many messages the selection held, how many are back on the queue they
/// faulted on, how many stayed in their error queue (each with its reason in <see cref="Messages"/>).
/// </summary>
public sealed record FaultReplayResult(string Selector, int Selected, int Replayed, int Failed, IReadOnlyList<ReplayedMessage> Messages);
