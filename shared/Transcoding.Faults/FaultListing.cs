namespace Transcoding.Faults;

/// <summary>
/// What <c>ops faults list --json</c> and <c>GET /faults</c> answer: the <c>*_error</c> queues of the virtual host with
/// the number of messages actually read from each, the messages grouped (<see cref="FaultGrouping"/>) and every message
/// in queue order.
/// </summary>
public sealed record FaultListing(
    string VirtualHost,
    IReadOnlyList<ErrorQueueSummary> Queues,
    IReadOnlyList<FaultGroup> Groups,
    IReadOnlyList<FaultedMessageSummary> Messages);
