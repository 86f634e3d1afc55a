using Transcoding.Worker.Jobs;
using Transcoding.Worker.Tests.Support;

namespace Transcoding.Worker.Tests.Jobs;

/// <summary>One real job on the 854x480 clip with audio, shared by the tests that inspect its outputs.</summary>
public sealed class TranscodedVideo : IAsyncLifetime
{
    public WorkerHarness Harness { get; private set; } = null!;

    public CallbackReceiver Callbacks { get; private set; } = null!;

    public Guid MediaId { get; } = Guid.NewGuid();

    public string Source { get; private set; } = "";

    public JobResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await WorkerHarness.StartAsync();
        Callbacks = await CallbackReceiver.StartAsync(WorkerHarness.Secret);
        Source = await Clips.VideoWithAudio;
        var key = await Harness.UploadSourceAsync(Source);
        Result = await Harness.Executor.ExecuteAsync("job-video", WorkerHarness.Input(MediaId, key, Callbacks.Url), null, CancellationToken.None);
    }

    public string Output(string relative) => Harness.OutputPath(MediaId, relative);

    public async Task DisposeAsync()
    {
        await Callbacks.DisposeAsync();
        await Harness.DisposeAsync();
    }
}
