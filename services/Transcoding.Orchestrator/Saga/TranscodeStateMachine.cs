using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transcoding.Contracts;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Orchestrator.Saga;

/// <summary>
/// uploaded → transcoding → ready | failed; failed → uploaded on a retry within the attempt budget; transcoding → failed
/// on a manual cancel. Each event is handled once for every state: <see cref="TranscodeTransitionRules"/> says whether it
/// applies, and exactly one of two named behaviours runs (MassTransit <c>IfElse</c>): the transition, or the refusal,
/// logged and without effect. A step's messages are committed with its state, so a redelivered step finds itself
/// applied and is refused like any duplicate: it publishes nothing again.
/// </summary>
public sealed class TranscodeStateMachine : MassTransitStateMachine<TranscodeState>
{
    /// <summary>The failure code of an item stopped by <see cref="CancelMediaTranscode"/>: not permanent (nothing is
    /// wrong with the input), never retried automatically.</summary>
    public const string CancelledErrorCode = "cancelled";

    private readonly TranscodeSagaSettings _settings;
    private readonly ILogger<TranscodeStateMachine> _logger;
    private readonly TimeProvider _time;
    private readonly TranscodeMetrics _metrics;

    public TranscodeStateMachine(IOptions<TranscodeSagaSettings> settings, ILogger<TranscodeStateMachine> logger, TimeProvider time, TranscodeMetrics metrics)
    {
        _settings = settings.Value;
        _logger = logger;
        _time = time;
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
            s.Delay = _settings.AttemptTimeout;
            s.Received = r => Missing(r.CorrelateById(c => c.Message.MediaId));
        });

        Initially(
            StartDeadline(When(Uploaded)
                .Then(c =>
                {
                    c.Saga.CreatedAt = _time.GetUtcNow();
                    c.Saga.SourceKey = c.Message.SourceKey;
                    c.Saga.SizeBytes = c.Message.SizeBytes;
                    c.Saga.UploadedAt = c.Message.UploadedAt;
                    c.Saga.MaxAttempts = _settings.MaxAttempts;
                    Record(c.Saga, null, MediaStates.Uploaded, "media uploaded");
                })
                .TransitionTo(UploadedState)
                .Then(c => StartAttempt(c.Saga))
                .Publish(c => DispatchOf(c.Saga)))
                .Publish(c => new MediaTranscodingStarted
                {
                    MediaId = c.Saga.CorrelationId,
                    Attempt = c.Saga.Attempt,
                    StartedAt = _time.GetUtcNow(),
                })
                .TransitionTo(Transcoding));

        // Once the item exists, in whichever state it is: the rules decide, the named behaviours act.
        DuringAny(
            When(Uploaded)
                .Then(c => Refuse(c, TranscodeTransitionRules.DuplicateUpload)),
            Decide(Dispatched, c => TranscodeTransitionRules.AttemptReportRefusal(c.Saga, c.Message.Attempt), RecordJob),
            Decide(Waiting, c => TranscodeTransitionRules.AttemptReportRefusal(c.Saga, c.Message.Attempt), RecordWaiting),
            Decide(Progressed, c => TranscodeTransitionRules.AttemptReportRefusal(c.Saga, c.Message.Attempt), accepted => accepted
                .Then(c => c.Saga.Progress = Math.Clamp(c.Message.Percent, c.Saga.Progress, 100))),
            Decide(Completed, c => TranscodeTransitionRules.AttemptReportRefusal(c.Saga, c.Message.Attempt), BecomeReady),
            Decide(AttemptFailed, c => TranscodeTransitionRules.AttemptReportRefusal(c.Saga, c.Message.Attempt), accepted => accepted
                .IfElse(c => TranscodeTransitionRules.RetriesAutomatically(c.Saga, c.Message.Permanent), RetryAfterFailure, BecomeFailed)),
            Decide(AttemptDeadline.Received, c => TranscodeTransitionRules.AttemptReportRefusal(c.Saga, c.Message.Attempt), PollOrWait),
            Decide(CancelRequested, c => TranscodeTransitionRules.CancelRefusal(c.Saga), BecomeCancelled),
            Decide(RetryRequested, c => TranscodeTransitionRules.RetryRefusal(c.Saga), RetryManually),
            Decide(UsageMeasured, c => TranscodeTransitionRules.UsageRefusal(c.Saga, c.Message.Attempt), RecordUsage));
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
    public static string StateOf(TranscodeState saga) => StateOf(saga.CurrentState);

    /// <summary>A stored state name (<see cref="TranscodeState.CurrentState"/>) as the conventions name it.</summary>
    public static string StateOf(string currentState) => currentState switch
    {
        nameof(UploadedState) => MediaStates.Uploaded,
        var other => other.ToLowerInvariant(),
    };

    /// <summary>The stored state name (<see cref="TranscodeState.CurrentState"/>) of a <see cref="MediaStates"/> name:
    /// what the list and stats queries compare with.</summary>
    public static string CurrentStateOf(string mediaState) => mediaState switch
    {
        MediaStates.Uploaded => nameof(UploadedState),
        MediaStates.Transcoding => nameof(Transcoding),
        MediaStates.Ready => nameof(Ready),
        MediaStates.Failed => nameof(Failed),
        _ => throw new ArgumentOutOfRangeException(nameof(mediaState), mediaState, "not one of MediaStates"),
    };

    private static void Missing<T>(IEventCorrelationConfigurator<TranscodeState, T> correlation)
        where T : class =>

        // Events about a media item we never saw change nothing (a forged or misrouted callback, say).
        correlation.OnMissingInstance(m => m.Discard());

    /// <summary>When <paramref name="refusal"/> gives no reason the event is <paramref name="accepted"/>; otherwise the
    /// reason is logged and nothing changes. Exactly one of the two runs.</summary>
    private EventActivityBinder<TranscodeState, T> Decide<T>(Event<T> @event, Func<BehaviorContext<TranscodeState, T>, string?> refusal,
        Func<EventActivityBinder<TranscodeState, T>, EventActivityBinder<TranscodeState, T>> accepted)
        where T : class =>
        When(@event).IfElse(c => refusal(c) is null, accepted, refused => refused.Then(c => Refuse(c, refusal(c)!)));

    private void Refuse<T>(BehaviorContext<TranscodeState, T> context, string reason)
        where T : class =>
        Log.Refused(_logger, context.Saga.CorrelationId, typeof(T).Name, StateOf(context.Saga), reason);

    /// <summary>The dispatcher submitted the attempt's job. An attempt that waited because RunPod refused the
    /// dispatcher's configuration waits no more, and its clock starts again now that its job exists.</summary>
    private EventActivityBinder<TranscodeState, TranscodeDispatched> RecordJob(EventActivityBinder<TranscodeState, TranscodeDispatched> accepted) => accepted
        .Then(c =>
        {
            c.Saga.JobId = c.Message.JobId;
            c.Saga.Save(c.Saga.AttemptRecord(c.Saga.Attempt) with { JobId = c.Message.JobId });
        })
        .If(c => c.Saga.WaitingSince is not null, waited => StartDeadline(waited
            .Then(c => ClearWaiting(c.Saga))));

    /// <summary>An attempt RunPod cannot take yet because it refuses the dispatcher's configuration (key, endpoint id)
    /// waits without being spent: shown with its reason and since when, cleared when its job is dispatched or it ends
    /// (<see cref="Record"/>).</summary>
    private EventActivityBinder<TranscodeState, TranscodeWaiting> RecordWaiting(EventActivityBinder<TranscodeState, TranscodeWaiting> accepted) => accepted
        .Then(c =>
        {
            c.Saga.WaitingReason = c.Message.Reason;
            c.Saga.WaitingSince ??= c.Message.Since;
            c.Saga.JobId ??= c.Message.JobId is { Length: > 0 } jobId ? jobId : null;
            Log.Waiting(_logger, c.Saga.CorrelationId, c.Saga.Attempt, c.Message.Reason);
        });

    /// <summary>No callback before the attempt's deadline: the dispatcher is asked to poll RunPod, and again every poll
    /// interval. While a waiting attempt's job does not exist a poll would call the job lost, so none is sent: the wait is
    /// the dispatcher's redelivery. A job that exists is polled as usual.</summary>
    private EventActivityBinder<TranscodeState, AttemptDeadlineExpired> PollOrWait(EventActivityBinder<TranscodeState, AttemptDeadlineExpired> expired) => expired
        .If(c => !IsDispatchBlocked(c.Saga), poll => poll
            .Then(c => Log.DeadlinePassed(_logger, c.Saga.CorrelationId, c.Saga.Attempt, c.Saga.JobId ?? "-"))
            .Publish(c => new PollTranscodeStatus { MediaId = c.Saga.CorrelationId, Attempt = c.Saga.Attempt }))
        .Schedule(AttemptDeadline, c => DeadlineOf(c.Saga), _ => _settings.PollInterval);

    private EventActivityBinder<TranscodeState, TranscodeCompleted> BecomeReady(EventActivityBinder<TranscodeState, TranscodeCompleted> completed) => StopDeadline(completed
        .Then(c =>
        {
            c.Saga.Outputs = c.Message.Outputs;
            c.Saga.JobId = c.Message.JobId;
            c.Saga.Progress = 100;
            EndAttempt(c.Saga, c.Message.Attempt, MediaStates.Ready, c.Message.JobId, c.Message.Outputs.Encoder);
            Record(c.Saga, MediaStates.Transcoding, MediaStates.Ready, "transcode completed");
            _metrics.Finished(MediaStates.Ready, c.Saga.Attempt);
        }))
        .Publish(c => MeasureOf(c.Saga, c.Saga.Attempt))
        .Publish(c => ReadyOf(c.Saga, _time))
        .TransitionTo(Ready);

    /// <summary>A transient failure with attempts left: the failed attempt's job is cancelled and measured, and the next
    /// attempt dispatched at once (transcoding → failed → uploaded → transcoding in the history).</summary>
    private EventActivityBinder<TranscodeState, TranscodeFailed> RetryAfterFailure(EventActivityBinder<TranscodeState, TranscodeFailed> failed) => StartDeadline(failed
        .Then(c =>
        {
            EndFailedAttempt(c.Saga, c.Message);
            Record(c.Saga, MediaStates.Failed, MediaStates.Uploaded, "automatic retry of a transient failure");
        })
        .Publish(c => AbandonOf(c.Message))
        .Publish(c => MeasureOf(c.Saga, c.Message.Attempt))
        .Then(c => StartAttempt(c.Saga))
        .Publish(c => DispatchOf(c.Saga)));

    private EventActivityBinder<TranscodeState, TranscodeFailed> BecomeFailed(EventActivityBinder<TranscodeState, TranscodeFailed> failed) =>
        EndFailed(failed.Then(c => EndFailedAttempt(c.Saga, c.Message)), c => AbandonOf(c.Message));

    private EventActivityBinder<TranscodeState, CancelMediaTranscode> BecomeCancelled(EventActivityBinder<TranscodeState, CancelMediaTranscode> cancel) =>
        EndFailed(cancel.Then(c =>
        {
            // From outside (an upstream service, the ops CLI) into the status API and MediaTranscodeFailed, not only the history.
            var reason = FailureReportRules.Message(CancelReason(c.Message));
            SetFailure(c.Saga, CancelledErrorCode, reason, permanent: false);
            EndAttempt(c.Saga, c.Saga.Attempt, CancelledErrorCode, null, null);
            Record(c.Saga, MediaStates.Transcoding, MediaStates.Failed, $"{CancelledErrorCode}: {reason}");
        }), c => CancelOf(c.Saga));

    /// <summary>The item ends failed: the current attempt's job is cancelled (<paramref name="cancelJob"/>: it may still
    /// run on RunPod) and measured, and <see cref="MediaTranscodeFailed"/> announced.</summary>
    private EventActivityBinder<TranscodeState, T> EndFailed<T>(EventActivityBinder<TranscodeState, T> ending, Func<BehaviorContext<TranscodeState, T>, CancelTranscode> cancelJob)
        where T : class => StopDeadline(ending
        .Then(c => _metrics.Finished(MediaStates.Failed, c.Saga.Attempt)))
        .Publish(c => cancelJob(c))
        .Publish(c => MeasureOf(c.Saga, c.Saga.Attempt))
        .Publish(c => FailureOf(c.Saga, _time))
        .TransitionTo(Failed);

    private EventActivityBinder<TranscodeState, RetryTranscode> RetryManually(EventActivityBinder<TranscodeState, RetryTranscode> retry) => StartDeadline(retry
        .Then(c =>
        {
            Record(c.Saga, MediaStates.Failed, MediaStates.Uploaded, $"retry requested by {c.Message.RequestedBy}: {c.Message.Reason}");
            StartAttempt(c.Saga);
        })
        .TransitionTo(UploadedState)
        .Publish(c => DispatchOf(c.Saga)))
        .TransitionTo(Transcoding);

    /// <summary>Starts the current attempt's clock: its deadline is scheduled after <see cref="TranscodeSagaSettings.AttemptTimeout"/>
    /// and kept in <see cref="TranscodeState.DeadlineAt"/>, which the stats read for stuck items. The one place that does
    /// both, so they never disagree; the polls of <see cref="PollOrWait"/> reschedule the message only.</summary>
    private EventActivityBinder<TranscodeState, T> StartDeadline<T>(EventActivityBinder<TranscodeState, T> binder)
        where T : class => binder
        .Then(c => c.Saga.DeadlineAt = _time.GetUtcNow() + _settings.AttemptTimeout)
        .Schedule(AttemptDeadline, c => DeadlineOf(c.Saga));

    /// <summary>The item ended: no deadline any more, neither scheduled nor in <see cref="TranscodeState.DeadlineAt"/>.</summary>
    private EventActivityBinder<TranscodeState, T> StopDeadline<T>(EventActivityBinder<TranscodeState, T> binder)
        where T : class => binder
        .Then(c => c.Saga.DeadlineAt = null)
        .Unschedule(AttemptDeadline);

    /// <summary>RunPod's figures of an ended attempt, in any state: they change what the item cost, never its state. Once
    /// the item has ended, each new figure is announced, since MediaReady/MediaTranscodeFailed went out without it.</summary>
    private EventActivityBinder<TranscodeState, TranscodeUsageMeasured> RecordUsage(EventActivityBinder<TranscodeState, TranscodeUsageMeasured> measured) => measured
        .Then(c => SaveUsage(c.Saga, c.Message))
        .If(c => HasEnded(c.Saga), ended => ended.Publish(c => UsageReportOf(c.Saga)));

    /// <summary>Adds a transition to the history. Its reason can quote text from outside (a retry's or cancel's
    /// requester and reason), so it gets the failure-message rule: control characters replaced, length bounded.</summary>
    private void Record(TranscodeState saga, string? from, string to, string reason)
    {
        reason = FailureReportRules.Message(reason);
        ClearWaiting(saga);
        saga.UpdatedAt = _time.GetUtcNow();
        saga.History.Add(new TransitionRecord(from, to, saga.UpdatedAt, saga.Attempt, reason));
        _metrics.Transition(from, to);
        Log.Transition(_logger, saga.CorrelationId, from ?? "-", to, saga.Attempt, reason);
    }

    /// <summary>A new attempt (first, automatic or manual retry): what described the previous attempt's state (its job,
    /// progress, failure) goes; the attempt records and the history keep what happened.</summary>
    private void StartAttempt(TranscodeState saga)
    {
        saga.Attempt++;
        saga.JobId = null;
        saga.Progress = 0;
        saga.FailureCode = null;
        saga.FailureMessage = null;
        saga.FailurePermanent = false;
        saga.Save(new TranscodeAttempt { Attempt = saga.Attempt });
        Record(saga, MediaStates.Uploaded, MediaStates.Transcoding, "GPU job dispatched");
    }

    private void EndFailedAttempt(TranscodeState saga, TranscodeFailed failure)
    {
        SetFailure(saga, failure.ErrorCode, failure.ErrorMessage, failure.Permanent);
        EndAttempt(saga, failure.Attempt, MediaStates.Failed, failure.JobId, null);
        Record(saga, MediaStates.Transcoding, MediaStates.Failed, $"{failure.ErrorCode}: {failure.ErrorMessage}");
    }

    private void SaveUsage(TranscodeState saga, TranscodeUsageMeasured usage)
    {
        var record = saga.AttemptRecord(usage.Attempt);
        record = record with
        {
            JobId = usage.JobId.Length > 0 ? usage.JobId : record.JobId,
            DelayTimeMs = usage.DelayTimeMs,
            ExecutionTimeMs = usage.ExecutionTimeMs,
            EstimatedCostUsd = usage.ExecutionTimeMs is { } ms && _settings.GpuSecondPriceUsd is { } price ? ms / 1000m * price : null,
            MeasuredAt = _time.GetUtcNow(),
        };
        saga.Save(record);
        saga.LastMeasuredAt = record.MeasuredAt;
        if (record.GpuSeconds is { } seconds)
        {
            _metrics.GpuSeconds(seconds, record.Outcome, record.Encoder);
        }

        Log.UsageMeasured(_logger, saga.CorrelationId, usage.Attempt, record.JobId ?? "-", usage.JobStatus, usage.DelayTimeMs, usage.ExecutionTimeMs);
    }

    private void SetFailure(TranscodeState saga, string code, string message, bool permanent)
    {
        _metrics.Failure(code, permanent);
        saga.FailureCode = code;
        saga.FailureMessage = message;
        saga.FailurePermanent = permanent;
    }

    /// <summary>The attempt waits on a configuration fault and has no RunPod job yet: nothing to poll.</summary>
    private static bool IsDispatchBlocked(TranscodeState saga) => saga.WaitingSince is not null && saga.JobId is null;

    private static void ClearWaiting(TranscodeState saga)
    {
        saga.WaitingReason = null;
        saga.WaitingSince = null;
    }

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

    private static string CancelReason(CancelMediaTranscode cancel) =>
        $"cancelled by {(cancel.RequestedBy.Length > 0 ? cancel.RequestedBy : "unknown")}: {(cancel.Reason.Length > 0 ? cancel.Reason : "no reason given")}";

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
        RetryAllowed = TranscodeTransitionRules.HasAttemptsLeft(saga),
        FailedAt = time.GetUtcNow(),
        Usage = saga.Usage,
    };
}
