using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
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

    public static async Task<SagaHarness> StartAsync(int maxAttempts = 2, TimeSpan? attemptTimeout = null, decimal? gpuSecondPriceUsd = null)
    {
        var provider = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddSingleton<TranscodeMetrics>()
            .AddSingleton(TimeProvider.System)
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

    /// <summary>Waits until the saga consumed <paramref name="count"/> messages of type T and the bus is quiet.</summary>
    public async Task Consumed<T>(int count = 1)
        where T : class
    {
        await Eventually.True(() => Saga.Consumed.Select<T>(x => x.Context.Message is not null).Count() >= count,
            $"the saga to consume {count} {typeof(T).Name}");

        // A consumed message's receive stays in flight until the outbox sent what the step published: the bus cannot
        // be inactive before that.
        await Harness.InactivityTask;
    }

    public async Task<TranscodeState> Instance()
    {
        await Harness.InactivityTask;
        return Saga.Sagas.Contains(MediaId) ?? throw new Xunit.Sdk.XunitException($"No saga instance for {MediaId}");
    }

    public async Task<string> State() => TranscodeStateMachine.StateOf(await Instance());

    /// <summary>
    /// What the saga published of type T, once at least <paramref name="atLeast"/> are there and the bus is quiet. A
    /// step's publishes leave after its consume is recorded (outbox), so a test expecting some waits for them rather than
    /// trusting the inactivity signal alone, which a loaded machine can give between the two.
    /// </summary>
    public async Task<List<T>> Published<T>(int atLeast = 0)
        where T : class
    {
        if (atLeast > 0)
        {
            await Eventually.True(() => Harness.Published.Select<T>().Count() >= atLeast, $"the saga to publish {atLeast} {typeof(T).Name}");
        }

        await Harness.InactivityTask;
        return Harness.Published.Select<T>().Select(m => m.Context.Message).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
