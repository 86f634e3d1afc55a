using Transcoding.Worker.Jobs;

namespace Transcoding.Worker.Tests.Support;

/// <summary>
/// What the worker sent RunPod in one serverless run that makes every kind of exchange it has: job-take (204 and a
/// job), job-stop, pings, progress, a result and an error. Made once for the tests that compare it with the SDK's.
/// </summary>
public sealed class WorkerExchanges : IAsyncLifetime
{
    public const string SucceededJob = "job-succeeded";
    public const string FailedJob = "job-failed";

    public IReadOnlyList<RecordedRequest> Requests { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await using var runPod = await FakeRunPod.StartAsync();
        await using var harness = await WorkerHarness.StartServerlessAsync(runPod);
        runPod.EnqueueTake(new ScriptedAnswer(204));
        runPod.Enqueue(new RunPodJob { Id = SucceededJob, Input = WorkerHarness.Input(Guid.NewGuid(), await harness.UploadSourceAsync(await Clips.VideoWithAudio)) });
        runPod.Enqueue(new RunPodJob { Id = FailedJob });

        await harness.Host.StartAsync();
        await runPod.DoneAsync(SucceededJob);
        await runPod.DoneAsync(FailedJob);
        await Eventually.True(() => runPod.StopPolls.Count > 0 && runPod.Pings.Count > 0, "a stop poll and a ping");
        Requests = [.. runPod.Requests];
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
