using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transcoding.Contracts;

namespace Transcoding.Orchestrator.Saga;

/// <summary>
/// uploaded → transcoding → ready | failed; failed → uploaded on a retry within the attempt budget; transcoding → failed
/// on a manual cancel. Anything else, and anything about an attempt that is not the current one or has ended, is
/// refused: logged and left without effect.
/// </summary>
public sealed class TranscodeStateMachine : MassTransitStateMachine<TranscodeState>
{
    public const string MaxAttemptsReached = "Maximum retry attempts reached";

    /// <summary>The failure code of an item stopped by <see cref="CancelMediaTranscode"/>: not permanent (nothing is
    /// wrong with the input), never retried automatically.</summary>
    public const string CancelledErrorCode = "cancelled";

    private readonly TranscodeMetrics _metrics;

    public TranscodeStateMachine(IOptions<TranscodeSagaSettings> settings, ILogger<TranscodeStateMachine> logger, TimeProvider time, TranscodeMetrics metrics)
    {
        _metrics = metrics;
        InstanceState(x => x.CurrentState);

        Event(() => Uploaded, e => e.CorrelateById(c => c.Message.MediaId));
        Event(() => Dispatched, e => Missing(e.CorrelateById(c => c.Message.MediaId)));
        Event(() => Progressed, e => Missing(e.CorrelateById(c => c.Message.MediaId)));
        Event(() => Completed, e => Missing(e.CorrelateById(c => c.Message.MediaId)));
        Event(() => AttemptFailed, e => Missing(e.CorrelateById(c => c.Message.MediaId)));
        Event(() => RetryRequested, e => Missing(e.CorrelateById(c => c.Message.MediaId)));
        Event(() => Waiting, e => Missing(e.CorrelateById(c => c.Message.MediaId)));
        Event(() => CancelRequested, e => Missing(e.CorrelateById(c => c.Message.MediaId)));
        Event(() => UsageMeasured, e => Missing(e.CorrelateById(c => c.Message.MediaId)));
        Schedule(() => AttemptDeadline, x => x.DeadlineTokenId, s =>
        {
            s.Delay = settings.Value.AttemptTimeout;
            s.Received = r => Missing(r.CorrelateById(c => c.Message.MediaId));
        });

        Initially(
            When(Uploaded)
                .Then(c =>
                {
                    c.Saga.SourceKey = c.Message.SourceKey;
                    c.Saga.SizeBytes = c.Message.SizeBytes;
                    c.Saga.UploadedAt = c.Message.UploadedAt;
                    c.Saga.MaxAttempts = settings.Value.MaxAttempts;
                    Record(c.Saga, null, MediaStates.Uploaded, "media uploaded");
                })
                .TransitionTo(UploadedState)
                .Then(c => StartAttempt(c.Saga))
                .Publish(c => DispatchOf(c.Saga))
                .Schedule(AttemptDeadline, c => DeadlineOf(c.Saga))
                .Publish(c => new MediaTranscodingStarted
                {
                    MediaId = c.Saga.CorrelationId,
                    Attempt = c.Saga.Attempt,
                    StartedAt = time.GetUtcNow(),
                })
                .TransitionTo(Transcoding));

        During(Transcoding,
            When(Dispatched, c => IsCurrent(c.Saga, c.Message.Attempt))
                .Then(c =>
                {
                    c.Saga.JobId = c.Message.JobId;
                    c.Saga.Save(c.Saga.AttemptRecord(c.Saga.Attempt) with { JobId = c.Message.JobId });
                }),
            When(Progressed, c => IsCurrent(c.Saga, c.Message.Attempt))
                .Then(c => c.Saga.Progress = Math.Clamp(c.Message.Percent, c.Saga.Progress, 100)),
            When(Completed, c => IsCurrent(c.Saga, c.Message.Attempt))
                .Then(c =>
                {
                    c.Saga.Outputs = c.Message.Outputs;
                    c.Saga.JobId = c.Message.JobId;
                    c.Saga.Progress = 100;
                    EndAttempt(c.Saga, c.Message.Attempt, MediaStates.Ready, c.Message.JobId, c.Message.Outputs.Encoder);
                    Record(c.Saga, MediaStates.Transcoding, MediaStates.Ready, "transcode completed");
                    _metrics.Finished(MediaStates.Ready, c.Saga.Attempt);
                })
                .Unschedule(AttemptDeadline)
                .Publish(c => MeasureOf(c.Saga, c.Saga.Attempt))
                .Publish(c => ReadyOf(c.Saga, time))
                .TransitionTo(Ready),
            When(AttemptFailed, c => IsCurrent(c.Saga, c.Message.Attempt) && !c.Message.Permanent && c.Saga.HasAttemptsLeft)
                .Then(c =>
                {
                    SetFailure(c.Saga, c.Message.ErrorCode, c.Message.ErrorMessage, c.Message.Permanent);
                    EndAttempt(c.Saga, c.Message.Attempt, MediaStates.Failed, c.Message.JobId, null);
                    Record(c.Saga, MediaStates.Transcoding, MediaStates.Failed, $"{c.Message.ErrorCode}: {c.Message.ErrorMessage}");
                    Record(c.Saga, MediaStates.Failed, MediaStates.Uploaded, "automatic retry of a transient failure");
                })
                .Publish(c => AbandonOf(c.Message))
                .Publish(c => MeasureOf(c.Saga, c.Message.Attempt))
                .Then(c => StartAttempt(c.Saga))
                .Publish(c => DispatchOf(c.Saga))
                .Schedule(AttemptDeadline, c => DeadlineOf(c.Saga)),
            When(AttemptFailed, c => IsCurrent(c.Saga, c.Message.Attempt) && (c.Message.Permanent || !c.Saga.HasAttemptsLeft))
                .Then(c =>
                {
                    SetFailure(c.Saga, c.Message.ErrorCode, c.Message.ErrorMessage, c.Message.Permanent);
                    EndAttempt(c.Saga, c.Message.Attempt, MediaStates.Failed, c.Message.JobId, null);
                    Record(c.Saga, MediaStates.Transcoding, MediaStates.Failed, $"{c.Message.ErrorCode}: {c.Message.ErrorMessage}");
                    _metrics.Finished(MediaStates.Failed, c.Saga.Attempt);
                })
                .Unschedule(AttemptDeadline)
                .Publish(c => AbandonOf(c.Message))
                .Publish(c => MeasureOf(c.Saga, c.Message.Attempt))
                .Publish(c => FailureOf(c.Saga, time))
                .TransitionTo(Failed),
            When(CancelRequested)
                .Then(c =>
                {
                    var reason = CancelReason(c.Message);
                    SetFailure(c.Saga, CancelledErrorCode, reason, permanent: false);
                    EndAttempt(c.Saga, c.Saga.Attempt, CancelledErrorCode, null, null);
                    Record(c.Saga, MediaStates.Transcoding, MediaStates.Failed, $"{CancelledErrorCode}: {reason}");
                    _metrics.Finished(MediaStates.Failed, c.Saga.Attempt);
                })
                .Unschedule(AttemptDeadline)
                .Publish(c => CancelOf(c.Saga))
                .Publish(c => MeasureOf(c.Saga, c.Saga.Attempt))
                .Publish(c => FailureOf(c.Saga, time))
                .TransitionTo(Failed),
            When(AttemptDeadline.Received, c => IsCurrent(c.Saga, c.Message.Attempt) && !IsDispatchBlocked(c.Saga))
                .Then(c => Log.DeadlinePassed(logger, c.Saga.CorrelationId, c.Saga.Attempt, c.Saga.JobId ?? "-"))
                .Publish(c => new PollTranscodeStatus { MediaId = c.Saga.CorrelationId, Attempt = c.Saga.Attempt })
                .Schedule(AttemptDeadline, c => DeadlineOf(c.Saga), _ => settings.Value.PollInterval));

        During(Failed,
            When(RetryRequested, c => c.Saga.HasAttemptsLeft)
                .Then(c =>
                {
                    Record(c.Saga, MediaStates.Failed, MediaStates.Uploaded, $"retry requested by {c.Message.RequestedBy}: {c.Message.Reason}");
                    StartAttempt(c.Saga);
                })
                .TransitionTo(UploadedState)
                .Publish(c => DispatchOf(c.Saga))
                .Schedule(AttemptDeadline, c => DeadlineOf(c.Saga))
                .TransitionTo(Transcoding),
            When(RetryRequested, c => !c.Saga.HasAttemptsLeft)
                .Then(c => Log.Refused(logger, c.Saga.CorrelationId, nameof(RetryTranscode), MediaStates.Failed, MaxAttemptsReached)),

            // The cancel that ended the item comes back after a crash: its messages may never have left.
            When(CancelRequested, c => Redelivered(c) && IsCancelled(c.Saga))
                .Then(c => Log.Republished(logger, c.Saga.CorrelationId, nameof(CancelTranscode)))
                .Publish(c => CancelOf(c.Saga))
                .Publish(c => MeasureOf(c.Saga, c.Saga.Attempt))
                .Publish(c => FailureOf(c.Saga, time)),
            Refuse(CancelRequested, c => !(Redelivered(c) && IsCancelled(c.Saga)), _ => "a cancel is accepted only in uploaded or transcoding"));

        // An attempt RunPod cannot take yet because it refuses the dispatcher's configuration (key, endpoint id) waits
        // without being spent: shown with its reason, and cleared when its job is dispatched or it ends (Record). While
        // its job does not exist a deadline polls nothing (a poll would call the job lost): the wait is the dispatcher's
        // redelivery, and the attempt's clock starts again when the job is dispatched. A job that exists is polled as usual.
        During(Transcoding,
            When(Waiting, c => IsCurrent(c.Saga, c.Message.Attempt))
                .Then(c =>
                {
                    c.Saga.WaitingReason = c.Message.Reason;
                    c.Saga.WaitingSince ??= c.Message.Since;
                    c.Saga.JobId ??= c.Message.JobId is { Length: > 0 } jobId ? jobId : null;
                    Log.Waiting(logger, c.Saga.CorrelationId, c.Saga.Attempt, c.Message.Reason);
                }),
            When(Dispatched, c => IsCurrent(c.Saga, c.Message.Attempt) && c.Saga.WaitingSince is not null)
                .Then(c => ClearWaiting(c.Saga))
                .Schedule(AttemptDeadline, c => DeadlineOf(c.Saga)),
            When(AttemptDeadline.Received, c => IsCurrent(c.Saga, c.Message.Attempt) && IsDispatchBlocked(c.Saga))
                .Schedule(AttemptDeadline, c => DeadlineOf(c.Saga), _ => settings.Value.PollInterval),
            Refuse(Waiting, c => !IsCurrent(c.Saga, c.Message.Attempt), c => StaleReason(c.Saga, c.Message.Attempt)));

        During(Ready, Failed,
            Refuse(Waiting, _ => true, c => StaleReason(c.Saga, c.Message.Attempt)));

        // Everything not handled above is an invalid transition or a stale/duplicate event: refused, with the reason
        // logged. Filters are complementary to the accepted ones so that exactly one behaviour runs per event.
        // Messages a step publishes leave after its commit (in-memory outbox), so an instance that dies between the two
        // loses them, and the broker redelivers the step's message to another instance, which finds the step applied.
        // On such a redelivery the step's messages are published again: at least once instead of never. Repeats are
        // harmless (the dispatcher's ledger never submits a second job for an attempt; consumers are idempotent).
        During(Transcoding,
            Repair(Uploaded, c => c.Saga.Attempt == 1),
            Repair(RetryRequested, _ => true),
            Repair(AttemptFailed, c => c.Message.Attempt == c.Saga.Attempt - 1 && !c.Message.Permanent),
            Refuse(Uploaded, c => !NeedsRepair(c, c.Saga.Attempt == 1), _ => "duplicate upload of a known media item"),
            Refuse(Dispatched, c => !IsCurrent(c.Saga, c.Message.Attempt), c => StaleReason(c.Saga, c.Message.Attempt)),
            Refuse(Progressed, c => !IsCurrent(c.Saga, c.Message.Attempt), c => StaleReason(c.Saga, c.Message.Attempt)),
            Refuse(Completed, c => !IsCurrent(c.Saga, c.Message.Attempt), c => StaleReason(c.Saga, c.Message.Attempt)),
            Refuse(AttemptFailed, c => !IsCurrent(c.Saga, c.Message.Attempt) && !NeedsRepair(c, c.Message.Attempt == c.Saga.Attempt - 1 && !c.Message.Permanent), c => StaleReason(c.Saga, c.Message.Attempt)),
            Refuse(AttemptDeadline.Received, c => !IsCurrent(c.Saga, c.Message.Attempt), c => StaleReason(c.Saga, c.Message.Attempt)),
            Refuse(RetryRequested, c => !NeedsRepair(c, true), _ => "a retry is accepted only in failed"));

        During(Ready, Failed,
            Refuse(Uploaded, _ => true, _ => "duplicate upload of a known media item"),
            Refuse(Dispatched, _ => true, c => StaleReason(c.Saga, c.Message.Attempt)),
            Refuse(Progressed, _ => true, c => StaleReason(c.Saga, c.Message.Attempt)),
            Refuse(AttemptDeadline.Received, _ => true, c => StaleReason(c.Saga, c.Message.Attempt)));

        During(Ready,
            Refuse(CancelRequested, _ => true, _ => "a ready media item has nothing to cancel"));

        During(Ready,
            When(Completed, c => Redelivered(c) && IsCurrent(c.Saga, c.Message.Attempt))
                .Then(c => Log.Republished(logger, c.Saga.CorrelationId, nameof(MediaReady)))
                .Publish(c => MeasureOf(c.Saga, c.Saga.Attempt))
                .Publish(c => ReadyOf(c.Saga, time)),
            Refuse(Completed, c => !(Redelivered(c) && IsCurrent(c.Saga, c.Message.Attempt)), c => StaleReason(c.Saga, c.Message.Attempt)),
            Refuse(AttemptFailed, _ => true, c => StaleReason(c.Saga, c.Message.Attempt)),
            Refuse(RetryRequested, _ => true, _ => "a ready media item is never transcoded again"));

        During(Failed,
            // A failure report of a cancelled attempt did not end the item, so its redelivery repairs nothing.
            When(AttemptFailed, c => EndedItem(c))
                .Then(c => Log.Republished(logger, c.Saga.CorrelationId, nameof(MediaTranscodeFailed)))
                .Publish(c => MeasureOf(c.Saga, c.Saga.Attempt))
                .Publish(c => FailureOf(c.Saga, time)),
            Refuse(AttemptFailed, c => !EndedItem(c), c => StaleReason(c.Saga, c.Message.Attempt)),
            Refuse(Completed, _ => true, c => StaleReason(c.Saga, c.Message.Attempt)));

        // RunPod's figures of an ended attempt, in any state: they change what the item cost, never its state. Once the
        // item has ended, each new figure is announced, since MediaReady/MediaTranscodeFailed went out without it.
        DuringAny(
            When(UsageMeasured, c => c.Saga.AttemptRecord(c.Message.Attempt).MeasuredAt is null)
                .Then(c => RecordUsage(c.Saga, c.Message))
                .If(c => HasEnded(c.Saga), ended => ended.Publish(c => UsageReportOf(c.Saga))),
            When(UsageMeasured, c => c.Saga.AttemptRecord(c.Message.Attempt).MeasuredAt is not null && Redelivered(c) && HasEnded(c.Saga))
                .Then(c => Log.Republished(logger, c.Saga.CorrelationId, nameof(MediaGpuUsageReported)))
                .Publish(c => UsageReportOf(c.Saga)),
            Refuse(UsageMeasured, c => c.Saga.AttemptRecord(c.Message.Attempt).MeasuredAt is not null && !(Redelivered(c) && HasEnded(c.Saga)),
                c => $"attempt {c.Message.Attempt} was measured already"));

        EventActivityBinder<TranscodeState, T> Repair<T>(Event<T> @event, Func<BehaviorContext<TranscodeState, T>, bool> dispatchedCurrentAttempt)
            where T : class =>
            When(@event, c => NeedsRepair(c, dispatchedCurrentAttempt(c)))
                .Then(c => Log.Republished(logger, c.Saga.CorrelationId, nameof(DispatchTranscode)))
                .Publish(c => DispatchOf(c.Saga))
                .Schedule(AttemptDeadline, c => DeadlineOf(c.Saga));

        EventActivityBinder<TranscodeState, T> Refuse<T>(Event<T> @event, Func<BehaviorContext<TranscodeState, T>, bool> filter, Func<BehaviorContext<TranscodeState, T>, string> reason)
            where T : class =>
            When(@event, c => filter(c)).Then(c => Log.Refused(logger, c.Saga.CorrelationId, typeof(T).Name, StateOf(c.Saga), reason(c)));

        void Record(TranscodeState saga, string? from, string to, string reason)
        {
            ClearWaiting(saga);
            saga.UpdatedAt = time.GetUtcNow();
            saga.History.Add(new TransitionRecord(from, to, saga.UpdatedAt, saga.Attempt, reason));
            _metrics.Transition(from, to);
            Log.Transition(logger, saga.CorrelationId, from ?? "-", to, saga.Attempt, reason);
        }

        void StartAttempt(TranscodeState saga)
        {
            saga.Attempt++;
            saga.JobId = null;
            saga.Progress = 0;
            saga.Save(new TranscodeAttempt { Attempt = saga.Attempt });
            Record(saga, MediaStates.Uploaded, MediaStates.Transcoding, "GPU job dispatched");
        }

        void RecordUsage(TranscodeState saga, TranscodeUsageMeasured usage)
        {
            var record = saga.AttemptRecord(usage.Attempt);
            record = record with
            {
                JobId = usage.JobId.Length > 0 ? usage.JobId : record.JobId,
                DelayTimeMs = usage.DelayTimeMs,
                ExecutionTimeMs = usage.ExecutionTimeMs,
                EstimatedCostUsd = usage.ExecutionTimeMs is { } ms && settings.Value.GpuSecondPriceUsd is { } price ? ms / 1000m * price : null,
                MeasuredAt = time.GetUtcNow(),
            };
            saga.Save(record);
            if (record.GpuSeconds is { } seconds)
            {
                _metrics.GpuSeconds(seconds, record.Outcome, record.Encoder);
            }

            Log.UsageMeasured(logger, saga.CorrelationId, usage.Attempt, record.JobId ?? "-", usage.JobStatus, usage.DelayTimeMs, usage.ExecutionTimeMs);
        }
    }

    public State UploadedState { get; private set; } = null!;

    public State Transcoding { get; private set; } = null!;

    public State Ready { get; private set; } = null!;

    public State Failed { get; private set; } = null!;

    public Event<MediaUploaded> Uploaded { get; private set; } = null!;

    public Event<TranscodeDispatched> Dispatched { get; private set; } = null!;

    public Event<TranscodeProgressed> Progressed { get; private set; } = null!;

    public Event<TranscodeCompleted> Completed { get; private set; } = null!;

    public Event<TranscodeFailed> AttemptFailed { get; private set; } = null!;

    public Event<RetryTranscode> RetryRequested { get; private set; } = null!;

    public Event<TranscodeWaiting> Waiting { get; private set; } = null!;
    public Event<CancelMediaTranscode> CancelRequested { get; private set; } = null!;

    public Event<TranscodeUsageMeasured> UsageMeasured { get; private set; } = null!;

    public Schedule<TranscodeState, AttemptDeadlineExpired> AttemptDeadline { get; private set; } = null!;

    /// <summary>Maps MassTransit's state names to the conventions' names.</summary>
    public static string StateOf(TranscodeState saga) => saga.CurrentState switch
    {
        nameof(UploadedState) => MediaStates.Uploaded,
        var other => other.ToLowerInvariant(),
    };

    private static void Missing<T>(IEventCorrelationConfigurator<TranscodeState, T> correlation)
        where T : class =>

        // Events about a media item we never saw change nothing (a forged or misrouted callback, say).
        correlation.OnMissingInstance(m => m.Discard());

    private static bool IsCurrent(TranscodeState saga, int attempt) => attempt == saga.Attempt;

    private static bool Redelivered(ConsumeContext context) => context.ReceiveContext.Redelivered;

    /// <summary>The message that dispatched the current attempt comes back after a crash, and no job id was reported yet.</summary>
    private static bool NeedsRepair(BehaviorContext<TranscodeState> context, bool dispatchedCurrentAttempt) =>
        dispatchedCurrentAttempt && context.Saga.JobId is null && Redelivered(context);

    /// <summary>The attempt waits on a configuration fault and has no RunPod job yet: nothing to poll.</summary>
    private static bool IsDispatchBlocked(TranscodeState saga) => saga.WaitingSince is not null && saga.JobId is null;

    private static void ClearWaiting(TranscodeState saga)
    {
        saga.WaitingReason = null;
        saga.WaitingSince = null;
    }

    private static string StaleReason(TranscodeState saga, int attempt) => attempt == saga.Attempt
        ? $"not valid in {StateOf(saga)}"
        : $"attempt {attempt} is not the current attempt {saga.Attempt}";

    private static bool IsCancelled(TranscodeState saga) => saga.FailureCode == CancelledErrorCode;

    private static bool HasEnded(TranscodeState saga) => StateOf(saga) is MediaStates.Ready or MediaStates.Failed;

    /// <summary>Sets how attempt <paramref name="attempt"/> ended (outcome <c>ready</c>, <c>failed</c> or <c>cancelled</c>).</summary>
    private static void EndAttempt(TranscodeState saga, int attempt, string outcome, string? jobId, string? encoder)
    {
        var record = saga.AttemptRecord(attempt);
        saga.Save(record with
        {
            Outcome = outcome,
            JobId = string.IsNullOrEmpty(jobId) ? record.JobId : jobId,
            Encoder = string.IsNullOrEmpty(encoder) ? record.Encoder : encoder,
        });
    }

    private static MeasureTranscodeUsage MeasureOf(TranscodeState saga, int attempt) => new()
    {
        MediaId = saga.CorrelationId,
        Attempt = attempt,
        JobId = saga.AttemptRecord(attempt).JobId ?? "",
    };

    private static MediaGpuUsageReported UsageReportOf(TranscodeState saga) => new() { MediaId = saga.CorrelationId, Usage = saga.Usage };

    /// <summary>This failure report is the one that ended the item, delivered again after a crash.</summary>
    private static bool EndedItem(BehaviorContext<TranscodeState, TranscodeFailed> context) =>
        Redelivered(context) && IsCurrent(context.Saga, context.Message.Attempt) && !IsCancelled(context.Saga);

    private static string CancelReason(CancelMediaTranscode cancel) =>
        $"cancelled by {(cancel.RequestedBy.Length > 0 ? cancel.RequestedBy : "unknown")}: {(cancel.Reason.Length > 0 ? cancel.Reason : "no reason given")}";

    private void SetFailure(TranscodeState saga, string code, string message, bool permanent)
    {
        _metrics.Failure(code, permanent);
        saga.FailureCode = code;
        saga.FailureMessage = message;
        saga.FailurePermanent = permanent;
    }

    private static DispatchTranscode DispatchOf(TranscodeState saga) => new()
    {
        MediaId = saga.CorrelationId,
        Attempt = saga.Attempt,
        SourceKey = saga.SourceKey,
        SizeBytes = saga.SizeBytes,
    };

    /// <summary>A failed attempt's job may still be running on RunPod (a worker that reported failure, a lost
    /// worker): cancel it so it costs nothing more. Cancelling an ended job is a no-op for the dispatcher.</summary>
    private static CancelTranscode AbandonOf(TranscodeFailed failure) => new()
    {
        MediaId = failure.MediaId,
        Attempt = failure.Attempt,
        Reason = $"attempt failed: {failure.ErrorCode}",
    };

    private static CancelTranscode CancelOf(TranscodeState saga) => new()
    {
        MediaId = saga.CorrelationId,
        Attempt = saga.Attempt,
        Reason = saga.FailureMessage ?? CancelledErrorCode,
    };

    private static MediaReady ReadyOf(TranscodeState saga, TimeProvider time) => new()
    {
        MediaId = saga.CorrelationId,
        AttemptsUsed = saga.Attempt,
        Outputs = saga.Outputs ?? new TranscodeOutputs(),
        ReadyAt = time.GetUtcNow(),
        Usage = saga.Usage,
    };

    private static AttemptDeadlineExpired DeadlineOf(TranscodeState saga) => new() { MediaId = saga.CorrelationId, Attempt = saga.Attempt };

    private static MediaTranscodeFailed FailureOf(TranscodeState saga, TimeProvider time) => new()
    {
        MediaId = saga.CorrelationId,
        ErrorCode = saga.FailureCode ?? "",
        Reason = saga.FailureMessage ?? "",
        Permanent = saga.FailurePermanent,
        AttemptsUsed = saga.Attempt,
        RetryAllowed = saga.HasAttemptsLeft,
        FailedAt = time.GetUtcNow(),
        Usage = saga.Usage,
    };
}
