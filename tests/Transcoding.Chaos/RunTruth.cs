using Transcoding.Chaos.Faults;
using Transcoding.Chaos.Truth;

namespace Transcoding.Chaos;

/// <summary>Everything read after the drain, from which the figures are computed.</summary>
/// <param name="Drained">Every item reached ready or failed within the drain timeout.</param>
/// <param name="ErrorQueues">The groups <c>ops faults list</c> found after the drain; null when it could not be read (<paramref name="ErrorQueuesProblem"/>).</param>
/// <param name="Replay">What replaying them did: null when nothing was there, else "ok" or the CLI's error.</param>
/// <param name="ErrorQueuesAfterReplay">The groups <c>ops faults list</c> found once the system had settled after the
/// replay: a replayed message that faulted again; null when there was no replay or the list could not be read.</param>
/// <param name="ServiceExits">Service processes that ended by themselves after they were ready (not SIGKILLed by a
/// fault), e.g. <c>orchestrator-b: pid 4242 exit code 134</c>, whether or not a later fault restarted them.</param>
/// <param name="MissingOutputs">Ready items without manifest.json or master.m3u8 in the bucket.</param>
/// <param name="UnexpectedOutputs">Failed items with a manifest.json in the bucket.</param>
/// <param name="UploadsStarted">Wall-clock time of offset 0 (fault and upload offsets count from it).</param>
public sealed record RunTruth(
    IReadOnlyList<UploadedItem> Items,
    IReadOnlyDictionary<Guid, SagaRow> Saga,
    OutcomeLedger Outcomes,
    bool Drained,
    IReadOnlyList<ErrorQueueGroup>? ErrorQueues,
    string? ErrorQueuesProblem,
    string? Replay,
    IReadOnlyList<ErrorQueueGroup>? ErrorQueuesAfterReplay,
    IReadOnlyList<Guid> MissingOutputs,
    IReadOnlyList<Guid> UnexpectedOutputs,
    IReadOnlyList<FaultRecord> Faults,
    IReadOnlyList<string> ServiceExits,
    IReadOnlyList<string> SecretFindings,
    long LogLines,
    int SecretsSearched,
    DateTimeOffset UploadsStarted);
