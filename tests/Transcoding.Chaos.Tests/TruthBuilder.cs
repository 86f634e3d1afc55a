using Transcoding.Chaos.Faults;
using Transcoding.Chaos.Truth;

namespace Transcoding.Chaos.Tests;

/// <summary>
/// A <see cref="RunTruth"/> built by hand: each item added with the saga row and downstream outcome of a correct run
/// (a good item ready once with one GPU job and one <c>MediaReady</c>; a bad one failed permanently with one GPU job),
/// then changed by the test to break one must-be. <see cref="Build"/> adds one injected fault, no <c>_error</c> queue
/// and a clean secret search over some log lines.
/// </summary>
public sealed class TruthBuilder
{
    /// <summary>Offset 0 of the run: uploads, faults and latencies count from here.</summary>
    public static readonly DateTimeOffset UploadsStarted = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly List<UploadedItem> _items = [];
    private readonly Dictionary<Guid, SagaRow> _saga = [];

    public OutcomeLedger Outcomes { get; } = new();

    /// <summary>A good item uploaded at <paramref name="uploadedAt"/> and ready <paramref name="latency"/> later (default 1 s
    /// each); downstream received its <c>MediaReady</c> unless <paramref name="delivered"/> is false.</summary>
    public Guid Ready(TimeSpan? uploadedAt = null, TimeSpan? latency = null, bool delivered = true)
    {
        var mediaId = Guid.NewGuid();
        var uploaded = uploadedAt ?? TimeSpan.FromSeconds(1);
        _items.Add(new UploadedItem(mediaId, Good: true, uploaded));
        _saga[mediaId] = new SagaRow(mediaId, "ready", null, false, ReadyTransitions: 1, Attempts: 1, GpuJobs: 1,
            UploadsStarted + uploaded + (latency ?? TimeSpan.FromSeconds(1)));
        if (delivered)
        {
            Outcomes.Ready(mediaId, Guid.NewGuid());
        }

        return mediaId;
    }

    /// <summary>A file that is not media, failed permanently 1 s after its upload at 1 s.</summary>
    public Guid FailedPermanently()
    {
        var mediaId = Guid.NewGuid();
        _items.Add(new UploadedItem(mediaId, Good: false, TimeSpan.FromSeconds(1)));
        _saga[mediaId] = new SagaRow(mediaId, "failed", "source_unreadable", true, ReadyTransitions: 0, Attempts: 1, GpuJobs: 1,
            UploadsStarted + TimeSpan.FromSeconds(2));
        Outcomes.Failed(mediaId);
        return mediaId;
    }

    /// <summary>Replaces the saga row of <paramref name="mediaId"/> with what <paramref name="change"/> makes of it.</summary>
    public TruthBuilder Change(Guid mediaId, Func<SagaRow, SagaRow> change)
    {
        _saga[mediaId] = change(_saga[mediaId]);
        return this;
    }

    public RunTruth Build() => new(
        Items: [.. _items],
        Saga: new Dictionary<Guid, SagaRow>(_saga),
        Outcomes: Outcomes,
        Drained: true,
        ErrorQueues: [],
        ErrorQueuesProblem: null,
        Replay: null,
        ErrorQueuesAfterReplay: null,
        MissingOutputs: [],
        UnexpectedOutputs: [],
        Faults: [new FaultRecord("SIGKILL dispatcher", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11), TimeSpan.FromSeconds(30), new FaultEffect(true, "pid 4242"), null)],
        ServiceExits: [],
        SecretFindings: [],
        LogLines: 1000,
        SecretsSearched: 4,
        UploadsStarted: UploadsStarted);

    /// <summary>A correct run: two good items ready, one bad item failed permanently.</summary>
    public static TruthBuilder Correct()
    {
        var builder = new TruthBuilder();
        builder.Ready();
        builder.Ready();
        builder.FailedPermanently();
        return builder;
    }
}
