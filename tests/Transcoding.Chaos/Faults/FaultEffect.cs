namespace Transcoding.Chaos.Faults;

/// <param name="Injected">False when the fault found nothing to act on; it then counts as not injected in CHAOS.md.</param>
/// <param name="Detail">What was done, e.g. <c>pid 4242</c>.</param>
public sealed record FaultEffect(bool Injected, string Detail);
