using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Transcoding.Contracts;
using Transcoding.Orchestrator.Saga;
using Transcoding.Testing;

namespace Transcoding.Orchestrator.Tests.Saga;

/// <summary>The state machine on MassTransit's in-memory test harness, with helpers to drive one media item.</summary>
public sealed class SagaHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private SagaHarness(ServiceProvider provider, ITestHarness harness)
    {
        _provider = provider;
        Harness = harness;
        Saga = harness.GetSagaStateMachineHarness<TranscodeStateMachine, TranscodeState>();
    }

    public ITestHarness Harness { get; }

    public IServiceProvider Services => _provider;

    public ISagaStateMachineTestHarness<TranscodeStateMachine, TranscodeState> Saga { get; }

    public TranscodeStateMachine Machine => Saga.StateMachine;

    public Guid MediaId { get; } = Guid.NewGuid();

    /// <summary>What the saga logged, e.g. its refusals.</summary>
    public FakeLogCollector Logs => _provider.GetRequiredService<FakeLogCollector>();

    /// <param name="time">The saga's clock (its timestamps); the scheduler's delays stay in real time.</param>
    public static async Task<SagaHarness> StartAsync(int maxAttempts = 2, TimeSpan? attemptTimeout = null, decimal? gpuSecondPriceUsd = null, TimeProvider? time = null)
    {
        var provider = new ServiceCollection()
            .AddLogging(logging => logging.AddFakeLogging())
            .AddMetrics()
            .AddSingleton<TranscodeMetrics>()
            .AddSingleton(time ?? TimeProvider.System)
            .Configure<TranscodeSagaSettings>(s =>
            {
                s.MaxAttempts = maxAttempts;
                s.AttemptTimeout = attemptTimeout ?? TimeSpan.FromMinutes(20);
                s.PollInterval = TimeSpan.FromMinutes(20);
                s.GpuSecondPriceUsd = gpuSecondPriceUsd;
            })
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddOrchestratorSagas();
                bus.AddDelayedMessageScheduler();
                bus.UsingInMemory((context, cfg) =>
                {
                    // One message at a time, in the order published, each step's outbox sent before the next message is
                    // taken: a marker handled behind them then proves everything earlier had its full effect (Settled).
                    cfg.ConcurrentMessageLimit = 1;
                    cfg.UseDelayedMessageScheduler();
                    cfg.ConfigureEndpoints(context);
                });
                bus.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(30), testInactivityTimeout: TimeSpan.FromSeconds(1));
            })
            .BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return new SagaHarness(provider, harness);
    }

    public Task Upload() => Harness.Bus.Publish(new MediaUploaded
    {
        MediaId = MediaId,
        SourceKey = $"uploads/{MediaId}/source.mp4",
        ContentType = "video/mp4",
        SizeBytes = 1234,
        UploadedAt = DateTimeOffset.UtcNow,
    });

    public Task Complete(int attempt) => Harness.Bus.Publish(new TranscodeCompleted
    {
        MediaId = MediaId,
        Attempt = attempt,
        JobId = $"job-{attempt}",
        Outputs = new TranscodeOutputs { MasterPlaylistKey = $"media/{MediaId}/hls/master.m3u8", Encoder = "libx264" },
    });

    public Task Fail(int attempt, bool permanent, string code = "worker_crashed") => Harness.Bus.Publish(new TranscodeFailed
    {
        MediaId = MediaId,
        Attempt = attempt,
        JobId = $"job-{attempt}",
        ErrorCode = code,
        ErrorMessage = "it broke",
        Permanent = permanent,
    });

    public Task Dispatched(int attempt) => Harness.Bus.Publish(new TranscodeDispatched { MediaId = MediaId, Attempt = attempt, JobId = $"job-{attempt}" });

    /// <summary>The dispatcher's report that RunPod refuses its configuration; <paramref name="jobId"/> empty when the run itself was refused.</summary>
    public Task Wait(int attempt, DateTimeOffset since, string jobId = "", string reason = WaitingReason) => Harness.Bus.Publish(new TranscodeWaiting
    {
        MediaId = MediaId,
        Attempt = attempt,
        JobId = jobId,
        Reason = reason,
        Since = since,
    });

    public const string WaitingReason = "RunPod refused the API key (HTTP 401 on run): check RunPod:ApiKey.";

    public Task Retry() => Harness.Bus.Publish(new RetryTranscode { MediaId = MediaId, RequestedBy = "test", Reason = "because" });

    public Task Cancel() => Harness.Bus.Publish(new CancelMediaTranscode { MediaId = MediaId, RequestedBy = "alice", Reason = "wrong file" });

    public Task Progress(int attempt, double percent) =>
        Harness.Bus.Publish(new TranscodeProgressed { MediaId = MediaId, Attempt = attempt, JobId = $"job-{attempt}", Percent = percent });

    /// <summary>The dispatcher's reading of the attempt's job, as RunPod's /status gave it.</summary>
    public Task Measured(int attempt, long? delayTimeMs, long? executionTimeMs) => Harness.Bus.Publish(new TranscodeUsageMeasured
    {
        MediaId = MediaId,
        Attempt = attempt,
        JobId = $"job-{attempt}",
        JobStatus = "COMPLETED",
        DelayTimeMs = delayTimeMs,
        ExecutionTimeMs = executionTimeMs,
    });

    /// <summary>
    /// Delivers the last T the saga consumed once more, with the same message id: what the broker does when the process
    /// that ran the step died before acknowledging it. The in-memory transport cannot set the redelivered flag, which the
    /// saga does not read: a step committed with its messages needs nothing from it.
    /// </summary>
    public Task Redeliver<T>()
        where T : class
    {
        var last = Saga.Consumed.Select<T>(new CancellationToken(canceled: true)).Last().Context;
        return Harness.Bus.Publish(last.Message, c => c.MessageId = last.MessageId);
    }

    /// <summary>Waits until the saga consumed <paramref name="count"/> messages of type T.</summary>
    public Task Consumed<T>(int count = 1)
        where T : class =>
        Eventually.True(() => Saga.Consumed.Select<T>(new CancellationToken(canceled: true)).Count() >= count,
            $"the saga to consume {count} {typeof(T).Name}");

    /// <summary>The item's saga instance once every message published so far has been handled (<see cref="Settled"/>).</summary>
    public async Task<TranscodeState> Instance()
    {
        await Settled();
        return Saga.Sagas.Contains(MediaId) ?? throw new Xunit.Sdk.XunitException($"No saga instance for {MediaId}");
    }

    public async Task<string> State() => TranscodeStateMachine.StateOf(await Instance());

    /// <summary>What the saga published of type T once every message published so far has been handled and what it
    /// published has left (<see cref="Settled"/>): an empty or single answer cannot come before a late publish.</summary>
    public async Task<List<T>> Published<T>()
        where T : class
    {
        await Settled();
        return Harness.Published.Select<T>(new CancellationToken(canceled: true)).Select(m => m.Context.Message).ToList();
    }

    /// <summary>
    /// Returns once a marker published now has been handled by the saga's endpoint: a progress report about a media item
    /// nobody uploaded, which the saga discards. The endpoint takes one message at a time in order and sends a step's
    /// messages before the next, so every message published before the marker has then had its full effect. A message
    /// the saga scheduled for itself (an attempt's deadline) is awaited with <see cref="Consumed{T}"/> first.
    /// </summary>
    private async Task Settled()
    {
        var marker = Guid.NewGuid();
        await Harness.Bus.Publish(new TranscodeProgressed { MediaId = marker, Attempt = 1, JobId = "marker", Percent = 0 });
        await Eventually.True(() => Harness.Consumed.Select<TranscodeProgressed>(new CancellationToken(canceled: true)).Any(m => m.Context.Message.MediaId == marker),
            "the saga to handle a marker published behind every message so far");
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
